import type { Operation } from '../../operation.js'
import { toPolicyVersionShape } from '../mappers/policy.js'
import { pageOf, pageOutput, pageRequest } from '../pagination.js'
import { onPolicy, policyTarget, requirePolicy } from '../policy-target.js'

/** IAM ListPolicyVersions: the versions newest first, without their documents. */
export const listPolicyVersions: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    return [onPolicy(ctx, 'ListPolicyVersions', await policyTarget(ctx, input))]
  },
  async run(ctx, input) {
    const policy = requirePolicy(await policyTarget(ctx, input))
    const versions = await ctx.store.policies.listVersions(policy.id)
    return pageOutput('Versions', pageOf(versions, pageRequest(input)), (v) => toPolicyVersionShape(v))
  },
}
