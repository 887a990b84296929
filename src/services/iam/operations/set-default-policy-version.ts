import type { Operation } from '../../operation.js'
import { policyVersionNotFound } from '../errors-policies.js'
import { onPolicy, policyTarget, requirePolicy } from '../policy-target.js'

/** IAM SetDefaultPolicyVersion: the version in force from the next request on. */
export const setDefaultPolicyVersion: Operation = {
  async authorize(ctx, input) {
    return [onPolicy(ctx, 'SetDefaultPolicyVersion', await policyTarget(ctx, input), { write: true })]
  },
  async run(ctx, input) {
    const target = await policyTarget(ctx, input)
    const versionId = String(input.VersionId)
    const set = await ctx.store.policies.setDefaultVersion(requirePolicy(target).id, versionId, ctx.now)
    if (!set) throw policyVersionNotFound(target.arn, versionId)
    return undefined
  },
}
