import type { Operation } from '../../operation.js'
import { removePolicyTags } from '../policy-tags.js'
import { onPolicy, policyTarget, requirePolicy } from '../policy-target.js'

const tagKeys = (input: Record<string, unknown>) =>
  Array.isArray(input.TagKeys) ? input.TagKeys.map(String) : []

/** IAM UntagPolicy: removes tags; AWS: keys that are not there are ignored. */
export const untagPolicy: Operation = {
  async authorize(ctx, input) {
    const keys = tagKeys(input)
    const context: Record<string, string[]> = keys.length > 0 ? { 'aws:TagKeys': keys } : {}
    return [onPolicy(ctx, 'UntagPolicy', await policyTarget(ctx, input), { write: true, context })]
  },
  async run(ctx, input) {
    const policy = requirePolicy(await policyTarget(ctx, input))
    await ctx.store.policies.setTags(policy.id, removePolicyTags(policy.tags, tagKeys(input)))
    return undefined
  },
}
