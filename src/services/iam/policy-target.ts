import { parseArn } from '../../kernel/arn.js'
import type { ContextValue } from '../../policy/index.js'
import type { ManagedPolicyView } from '../../store/index.js'
import type { AuthorizationRequest, OperationContext } from '../operation.js'
import { invalidArn, policyNotFound } from './errors-policies.js'

/** The account that owns the AWS managed policies. */
export const AWS_POLICY_ACCOUNT = 'aws'

/** A managed policy an operation names by ARN, found (or not) among those the caller may see. */
export interface PolicyTarget {
  readonly arn: string
  /** The account in the ARN (`aws` for AWS managed policies). */
  readonly account: string
  readonly policy: ManagedPolicyView | undefined
}

/** Looks up the policy `PolicyArn` names: the caller's own account's, or an AWS managed one. */
export async function policyTarget(
  ctx: OperationContext,
  input: Record<string, unknown>,
  member = 'PolicyArn',
): Promise<PolicyTarget> {
  const arn = String(input[member])
  const parsed = parseArn(arn)
  if (parsed === undefined || parsed.service !== 'iam' || !parsed.resource.startsWith('policy/'))
    throw invalidArn()
  const viewer = ctx.caller!.principal.account
  const visible = parsed.account === AWS_POLICY_ACCOUNT || parsed.account === viewer
  // Counts cover only the caller's account: AWS managed policies are shared by every hosted account.
  const policy = visible ? await ctx.store.policies.getByArn(arn, viewer) : undefined
  return { arn, account: parsed.account, policy }
}

/** The existing policy, or `missing(arn)` (by default AWS's `Policy … was not found.`). */
export function requirePolicy(target: PolicyTarget, missing = policyNotFound): ManagedPolicyView {
  if (target.policy === undefined) throw missing(target.arn)
  return target.policy
}

/**
 * The authorization of `action` on the policy, with its tags as `aws:ResourceTag/…`.
 * AWS managed policies are readable as if they were the caller's, and writes to them are
 * cross-account (so denied, as AWS denies them); another account's policy is always cross-account.
 */
export function onPolicy(
  ctx: OperationContext,
  action: string,
  target: PolicyTarget,
  options: { readonly write?: boolean; readonly context?: Record<string, ContextValue> } = {},
): AuthorizationRequest {
  const context: Record<string, ContextValue> = {}
  for (const tag of target.policy?.tags ?? []) context[`aws:ResourceTag/${tag.key}`] = tag.value
  const own = target.account === ctx.caller!.principal.account
  const resourceAccount =
    own || (target.account === AWS_POLICY_ACCOUNT && options.write !== true)
      ? ctx.caller!.principal.account
      : target.account
  return {
    action: `iam:${action}`,
    resource: target.arn,
    resourceAccount,
    context: Object.assign(context, options.context),
  }
}
