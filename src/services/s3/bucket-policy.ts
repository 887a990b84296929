import { AwsError } from '../../kernel/aws-error.js'
import {
  compilePolicy,
  type EvaluablePolicy,
  LruPolicyCache,
  parsePolicy,
  validatePolicy,
} from '../../policy/index.js'
import { bucketArn } from './buckets.js'

const cache = new LruPolicyCache(1000)

/** The evaluable form of a stored bucket policy; each distinct text is compiled once. */
export function evaluableBucketPolicy(text: string): EvaluablePolicy | undefined {
  const cached = cache.get(text)
  if (cached !== undefined) return cached
  const parsed = parsePolicy(text)
  if (!parsed.ok) return undefined
  const policy = compilePolicy(parsed.document, 'resource')
  cache.set(text, policy)
  return policy
}

const malformedPolicy = (message: string): AwsError => new AwsError('MalformedPolicy', 400, message)

const list = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

/**
 * Validates a bucket policy as a resource policy, and checks that every Resource names this bucket or its
 * objects (AWS: `Policy has invalid resource`). Throws S3's MalformedPolicy with the first problem.
 */
export function requireValidBucketPolicy(text: string, bucket: string): void {
  const first = validatePolicy(text, 'resource').find((issue) => issue.severity === 'error')
  if (first !== undefined) throw malformedPolicy(first.message)
  const arn = bucketArn(bucket)
  for (const statement of list((JSON.parse(text) as { Statement?: unknown }).Statement)) {
    const s = statement as { Resource?: unknown; NotResource?: unknown }
    for (const resource of [...list(s.Resource), ...list(s.NotResource)]) {
      const name = String(resource)
      if (
        name !== arn &&
        !name.startsWith(`${arn}/`) &&
        !(name.endsWith('*') && arn.startsWith(name.slice(0, -1)))
      )
        throw malformedPolicy('Policy has invalid resource')
    }
  }
}

/** Condition keys that narrow a grant to known callers, so a statement using one is not public. */
const NARROWING_KEYS: ReadonlySet<string> = new Set([
  'aws:sourceip',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:userid',
  's3:dataaccesspointaccount',
  's3:dataaccesspointarn',
])

function grantsEveryone(principal: unknown): boolean {
  if (principal === '*') return true
  if (typeof principal !== 'object' || principal === null) return false
  return list((principal as Record<string, unknown>).AWS).includes('*')
}

function narrowed(condition: unknown): boolean {
  if (typeof condition !== 'object' || condition === null) return false
  return Object.values(condition as Record<string, unknown>).some(
    (block) =>
      typeof block === 'object' &&
      block !== null &&
      Object.keys(block).some((key) => NARROWING_KEYS.has(key.toLowerCase())),
  )
}

/**
 * AWS: a policy is public when an Allow statement grants to everyone (`*`) without a condition that narrows it
 * to fixed callers (source IP, VPC, account, organization, ARN).
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
 */
export function isPublicPolicy(text: string): boolean {
  let document: { Statement?: unknown }
  try {
    document = JSON.parse(text) as { Statement?: unknown }
  } catch {
    return false
  }
  return list(document.Statement).some((statement) => {
    const s = statement as { Effect?: unknown; Principal?: unknown; Condition?: unknown }
    return s.Effect === 'Allow' && grantsEveryone(s.Principal) && !narrowed(s.Condition)
  })
}
