import { StoreInUse } from '../../../store/index.js'
import type { Operation } from '../../operation.js'
import { policyAttached, policyHasVersions } from '../errors-policies.js'
import { onPolicy, policyTarget, requirePolicy } from '../policy-target.js'

/** IAM DeletePolicy: only when unattached, unused as a boundary, and left with its default version alone. */
export const deletePolicy: Operation = {
  async authorize(ctx, input) {
    return [onPolicy(ctx, 'DeletePolicy', await policyTarget(ctx, input), { write: true })]
  },
  async run(ctx, input) {
    const policy = requirePolicy(await policyTarget(ctx, input))
    if (policy.attachmentCount + policy.permissionsBoundaryUsageCount > 0) throw policyAttached()
    if ((await ctx.store.policies.listVersions(policy.id)).length > 1) throw policyHasVersions()
    try {
      await ctx.store.policies.delete(policy.id)
    } catch (error) {
      if (error instanceof StoreInUse) throw policyAttached()
      throw error
    }
    return undefined
  },
}
