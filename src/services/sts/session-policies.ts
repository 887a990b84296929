import { AwsError } from '../../kernel/aws-error.js'
import { validatePolicy } from '../../policy/index.js'
import type { Repositories } from '../../store/index.js'
import { validationError } from './errors.js'

/** AWS: at most 10 managed session policies. */
export const MAX_POLICY_ARNS = 10

/** The session policies a request passes. */
export interface SessionPolicyInput {
  readonly policy?: string
  readonly policyArns: readonly string[]
}

/** Reads `Policy` (validated as a session policy) and `PolicyArns` (at most 10). */
export function readSessionPolicies(input: Record<string, unknown>, account: string): SessionPolicyInput {
  const arns = Array.isArray(input.PolicyArns)
    ? (input.PolicyArns as { arn?: unknown }[]).map((item) => String(item.arn ?? ''))
    : []
  // AWS: unverified wording; the limit is documented, not modelled.
  if (arns.length > MAX_POLICY_ARNS)
    throw validationError(
      `1 validation error detected: Value at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to ${MAX_POLICY_ARNS}`,
    )
  const policy = typeof input.Policy === 'string' ? input.Policy : undefined
  if (policy !== undefined) {
    const first = validatePolicy(policy, 'session', { accountId: account }).find(
      (i) => i.severity === 'error',
    )
    if (first !== undefined) throw new AwsError(first.code ?? 'MalformedPolicyDocument', 400, first.message)
  }
  return { policyArns: arns, ...(policy !== undefined ? { policy } : {}) }
}

/** Checks that each managed session policy exists and is the account's own or AWS-managed. */
export async function checkPolicyArns(
  store: Repositories,
  arns: readonly string[],
  account: string,
): Promise<void> {
  for (const arn of arns) {
    const policy = await store.policies.getByArn(arn)
    // AWS: unverified wording for a session policy ARN that names no attachable policy.
    if (policy === undefined || (policy.accountId !== account && policy.accountId !== 'aws'))
      throw new AwsError('MalformedPolicyDocument', 400, `Policy ${arn} does not exist or is not attachable.`)
  }
}
