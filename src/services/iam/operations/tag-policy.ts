import type { Operation } from '../../operation.js'
import { inputPolicyTags, mergePolicyTags, policyRequestTagContext } from '../policy-tags.js'
import { onPolicy, policyTarget, requirePolicy } from '../policy-target.js'

/** IAM TagPolicy: adds or overwrites tags on a customer managed policy. */
export const tagPolicy: Operation = {
  async authorize(ctx, input) {
    const context = policyRequestTagContext(inputPolicyTags(input))
    return [onPolicy(ctx, 'TagPolicy', await policyTarget(ctx, input), { write: true, context })]
  },
  async run(ctx, input) {
    const policy = requirePolicy(await policyTarget(ctx, input))
    await ctx.store.policies.setTags(policy.id, mergePolicyTags(policy.tags, inputPolicyTags(input)))
    return undefined
  },
}
