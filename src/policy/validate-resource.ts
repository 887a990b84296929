import { PARTITIONS, splitArn } from '../kernel/arn.js'
import { MALFORMED } from './validate-messages.js'

/** The resource types an IAM resource ARN may name, in the order AWS lists them. */
export const IAM_RESOURCE_PREFIXES: readonly string[] = [
  'user/',
  'federated-user/',
  'role/',
  'group/',
  'instance-profile/',
  'mfa/',
  'server-certificate/',
  'policy/',
  'sms-mfa/',
  'saml-provider/',
  'oidc-provider/',
  'report/',
  'access-report/',
]

/** S3 resources that carry a region (access points, Batch Operations jobs, Storage Lens, …); buckets never do. */
const S3_REGIONAL_PREFIXES: readonly string[] = [
  'accesspoint/',
  'job/',
  'storage-lens/',
  'storage-lens-group/',
  'async-request/',
  'access-grants/',
]

/** Services whose resource ARNs must leave the region empty, and the message when they do not. */
const NO_REGION: Readonly<
  Record<string, { readonly message: (r: string) => string; readonly except: readonly string[] }>
> = {
  iam: { message: MALFORMED.iamRegion, except: [] },
  s3: { message: MALFORMED.s3Region, except: S3_REGIONAL_PREFIXES },
}

/** Services whose resource part must start with one of the listed types. */
const RESOURCE_TYPES: Readonly<Record<string, readonly string[]>> = { iam: IAM_RESOURCE_PREFIXES }

const WILDCARD = /[*?]/

/** The `MalformedPolicyDocument` message for a badly formed Resource/NotResource entry, if any. */
export function resourceFormatError(resource: string): string | undefined {
  if (resource === '*') return undefined
  const first = resource.indexOf(':')
  if (first < 0) return MALFORMED.resourceNotArn(resource)
  const afterArn = resource.slice(first + 1)
  const second = afterArn.indexOf(':')
  const partition = second < 0 ? afterArn : afterArn.slice(0, second)
  if (partition !== '*' && !PARTITIONS.has(partition)) {
    return MALFORMED.partition(partition, shownArn(partition, second < 0 ? '' : afterArn.slice(second + 1)))
  }
  if (second < 0) return MALFORMED.resourceVendor
  const afterPartition = afterArn.slice(second + 1)
  const third = afterPartition.indexOf(':')
  const service = third < 0 ? afterPartition : afterPartition.slice(0, third)
  if (WILDCARD.test(service)) return MALFORMED.resourceVendor
  // Short ARNs (fewer than six components) get past the remaining checks.
  const parts = splitArn(resource)
  if (parts === undefined) return undefined
  const [, , , region, , rest] = parts
  const regionRule = NO_REGION[service]
  if (regionRule !== undefined && region !== '' && !regionRule.except.some((p) => rest.startsWith(p))) {
    return regionRule.message(resource)
  }
  const types = RESOURCE_TYPES[service]
  if (types !== undefined && rest !== '*' && !types.some((p) => rest.startsWith(p))) {
    return MALFORMED.iamResourceType(types)
  }
  return undefined
}

/** How AWS prints an ARN with an unknown partition: missing components become `*`. */
function shownArn(partition: string, rest: string): string {
  const parts = rest.split(':')
  const first = parts[0] !== '' || parts.length > 1 ? (parts[0] ?? '*') : '*'
  const tail = parts.length > 3 ? parts.slice(3).join(':') : '*'
  return `arn:${partition}:${first}:${parts[1] ?? '*'}:${parts[2] ?? '*'}:${tail}`
}

/** Whether a well-formed entry trips IAM's legacy parser: a `::` in an ARN of fewer than six components, or no service. */
export function failsLegacyParsing(resource: string): boolean {
  if (resource === '*') return false
  const colons = resource.split(':').length - 1
  if (colons < 5 && resource.includes('::')) return true
  return resource.split(':')[2] === ''
}
