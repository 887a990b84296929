import type { Operation } from '../../operation.js'
import { toTagShapes } from '../mappers/tags.js'
import { pageOf, pageOutput, pageRequest } from '../pagination.js'
import { onPolicy, policyTarget, requirePolicy } from '../policy-target.js'

/** IAM ListPolicyTags: the policy's tags, paginated. */
export const listPolicyTags: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    return [onPolicy(ctx, 'ListPolicyTags', await policyTarget(ctx, input))]
  },
  async run(ctx, input) {
    const policy = requirePolicy(await policyTarget(ctx, input))
    const page = pageOf(policy.tags, pageRequest(input))
    return pageOutput('Tags', page, (tag) => toTagShapes([tag])[0])
  },
}
