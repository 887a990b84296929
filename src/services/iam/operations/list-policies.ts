import type { PolicyListRequest } from '../../../store/index.js'
import type { Operation, OperationContext } from '../../operation.js'
import { toPolicyShape } from '../mappers/policy.js'
import { pageOutput, pageRequest } from '../pagination.js'
import { AWS_POLICY_ACCOUNT } from '../policy-target.js'

const USAGE = { PermissionsPolicy: 'permissions', PermissionsBoundary: 'boundary' } as const

/** The store filter for ListPolicies' Scope, OnlyAttached, PolicyUsageFilter and PathPrefix. */
function listRequest(ctx: OperationContext, input: Record<string, unknown>): PolicyListRequest {
  const account = ctx.caller!.principal.account
  const scope = input.Scope ?? 'All'
  const accountIds =
    scope === 'AWS' ? [AWS_POLICY_ACCOUNT] : scope === 'Local' ? [account] : [account, AWS_POLICY_ACCOUNT]
  const usage = USAGE[input.PolicyUsageFilter as keyof typeof USAGE]
  const usedAs = usage ?? (input.OnlyAttached === true ? 'any' : undefined)
  return {
    accountIds,
    viewerAccountId: account,
    ...pageRequest(input),
    ...(typeof input.PathPrefix === 'string' ? { pathPrefix: input.PathPrefix } : {}),
    ...(usedAs !== undefined ? { usedAs } : {}),
  }
}

/** IAM ListPolicies: the account's and AWS's managed policies, ordered by name. */
export const listPolicies: Operation = {
  readOnly: true,
  async authorize() {
    return [{ action: 'iam:ListPolicies', resource: '*' }]
  },
  async run(ctx, input) {
    const page = await ctx.store.policies.list(listRequest(ctx, input))
    return pageOutput('Policies', page, (policy) => toPolicyShape(policy, { list: true }))
  },
}
