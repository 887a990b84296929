import { AwsError } from '../../kernel/aws-error.js'
import type { Ec2Record } from './resource-store.js'
import { toWireTags } from './tags.js'

/** A principal allowed to connect to an endpoint service. */
export interface AllowedPrincipal {
  readonly Principal: string
  readonly PrincipalType: 'All' | 'Account' | 'User' | 'Role' | 'Service'
  readonly ServicePermissionId: string
}

/** The attributes of a stored endpoint service (PrivateLink) configuration. */
export interface EndpointServiceAttributes {
  readonly ServiceId: string
  readonly ServiceName: string
  readonly ServiceState: 'Available'
  readonly ServiceType: readonly { readonly ServiceType: 'Interface' }[]
  readonly AvailabilityZones: readonly string[]
  readonly AcceptanceRequired: boolean
  readonly ManagesVpcEndpoints: false
  readonly NetworkLoadBalancerArns: readonly string[]
  readonly SupportedIpAddressTypes: readonly string[]
  readonly BaseEndpointDnsNames: readonly string[]
  readonly PrivateDnsName?: string
  readonly AllowedPrincipals: readonly AllowedPrincipal[]
  readonly ClientToken?: string
}

/** The type AWS reports for an allowed principal; undefined for text that is no principal. */
export function principalType(principal: string): AllowedPrincipal['PrincipalType'] | undefined {
  if (principal === '*') return 'All'
  if (/^arn:aws:iam::\d{12}:root$/.test(principal)) return 'Account'
  if (/^arn:aws:iam::\d{12}:user\/.+/.test(principal)) return 'User'
  if (/^arn:aws:iam::\d{12}:role\/.+/.test(principal)) return 'Role'
  if (/^[a-z0-9.-]+\.amazonaws\.com$/.test(principal)) return 'Service'
  return undefined
}

/** AWS: a principal that is not an ARN, `*` or a service. */
export const invalidPrincipal = (principal: string): AwsError =>
  new AwsError('InvalidPrincipal', 400, `Invalid Principal: '${principal}'`)

/** The wire shape of a service configuration. */
export function endpointServiceShape(record: Ec2Record<object>): Record<string, unknown> {
  const { AllowedPrincipals: _p, ClientToken: _t, ...rest } = record.attributes as EndpointServiceAttributes
  return Object.assign(rest, { Tags: toWireTags(record.tags) })
}
