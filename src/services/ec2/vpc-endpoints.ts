import { AwsError } from '../../kernel/aws-error.js'

/** The AWS services Lanyard offers endpoints for; `gateway` ones also take Gateway endpoints. */
const ENDPOINT_SERVICES: Readonly<Record<string, { readonly gateway: boolean }>> = {
  s3: { gateway: true },
  dynamodb: { gateway: true },
  ec2: { gateway: false },
  elasticloadbalancing: { gateway: false },
  sts: { gateway: false },
  iam: { gateway: false },
  secretsmanager: { gateway: false },
  kms: { gateway: false },
  'ecr.api': { gateway: false },
  'ecr.dkr': { gateway: false },
  ssm: { gateway: false },
  logs: { gateway: false },
  monitoring: { gateway: false },
  route53: { gateway: false },
}

/** The attributes of a stored VPC endpoint: its wire shape with an ISO creation time. */
export interface VpcEndpointAttributes {
  readonly VpcEndpointId: string
  readonly VpcEndpointType: 'Gateway' | 'Interface'
  readonly VpcId: string
  readonly ServiceName: string
  readonly State: 'available'
  readonly PolicyDocument?: string
  readonly RouteTableIds: readonly string[]
  readonly SubnetIds: readonly string[]
  readonly Groups: readonly { readonly GroupId: string; readonly GroupName: string }[]
  readonly NetworkInterfaceIds: readonly string[]
  readonly PrivateDnsEnabled: boolean
  readonly RequesterManaged: false
  readonly CreationTimestamp: string
  readonly OwnerId: string
  readonly ClientToken?: string
}

/** AWS: an endpoint service that does not exist in the region. */
const noSuchService = (name: string): AwsError =>
  new AwsError('InvalidServiceName', 400, `The Vpc Endpoint Service '${name}' does not exist`)

/** Checks `com.amazonaws.<region>.<service>` against the region and the endpoint type. */
export function checkServiceName(region: string, name: string, type: 'Gateway' | 'Interface'): void {
  const prefix = `com.amazonaws.${region}.`
  const service = name.startsWith(prefix) ? ENDPOINT_SERVICES[name.slice(prefix.length)] : undefined
  if (service === undefined || (type === 'Gateway' && !service.gateway)) throw noSuchService(name)
}

/** AWS: the policy a Gateway or Interface endpoint gets when none is given. */
export const FULL_ACCESS_POLICY = JSON.stringify({
  Version: '2008-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
})

/** The wire shape of an endpoint. */
export function endpointShape(
  attributes: VpcEndpointAttributes,
  tags: readonly { Key: string; Value: string }[],
): Record<string, unknown> {
  const { ClientToken: _token, CreationTimestamp, ...rest } = attributes
  return Object.assign(rest, { CreationTimestamp: new Date(CreationTimestamp), Tags: tags })
}
