import type { Operation } from '../../operation.js'
import { defaultVersionDelete, policyVersionNotFound } from '../errors-policies.js'
import { onPolicy, policyTarget, requirePolicy } from '../policy-target.js'

/** IAM DeletePolicyVersion: any version but the default. */
export const deletePolicyVersion: Operation = {
  async authorize(ctx, input) {
    return [onPolicy(ctx, 'DeletePolicyVersion', await policyTarget(ctx, input), { write: true })]
  },
  async run(ctx, input) {
    const target = await policyTarget(ctx, input)
    const policy = requirePolicy(target)
    const versionId = String(input.VersionId)
    if (versionId === policy.defaultVersionId) throw defaultVersionDelete()
    if (!(await ctx.store.policies.deleteVersion(policy.id, versionId)))
      throw policyVersionNotFound(target.arn, versionId)
    return undefined
  },
}
