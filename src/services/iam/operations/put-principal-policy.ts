import { POLICY_SIZE_LIMITS, policySize } from '../../../policy/index.js'
import type { PrincipalKind } from '../../../store/index.js'
import type { Operation } from '../../operation.js'
import { limitExceeded } from '../errors.js'
import { requireValidPolicy } from '../policy-documents.js'
import {
  modifiableRef,
  onPrincipal,
  PRINCIPAL_KINDS,
  principalTarget,
  requirePrincipal,
} from '../principal-target.js'

/** IAM Put{User,Group,Role}Policy: creates or replaces an inline policy within the owner's total size quota. */
export function putPrincipalPolicy(kind: PrincipalKind): Operation {
  const action = `Put${PRINCIPAL_KINDS[kind].noun}Policy`
  return {
    async authorize(ctx, input) {
      return [onPrincipal(action, await principalTarget(ctx, kind, input), {}, true)]
    },
    async run(ctx, input) {
      const target = await principalTarget(ctx, kind, input)
      const owner = modifiableRef(target)
      const ownerName = requirePrincipal(target).name
      const name = String(input.PolicyName)
      const document = String(input.PolicyDocument)
      requireValidPolicy(document, 'identity', { inline: { owner: kind, name: ownerName } })
      await ctx.store.transaction(async (tx) => {
        // AWS: the quota covers the sum of all of the owner's inline policies, this one replacing its namesake.
        const others = (await tx.inlinePolicies.list(owner)).filter((policy) => policy.name !== name)
        const total = others.reduce((sum, policy) => sum + policySize(policy.document), policySize(document))
        const quota = POLICY_SIZE_LIMITS[`${kind}Inline`]
        if (total > quota.limit) throw limitExceeded(quota.message(ownerName, quota.limit))
        await tx.inlinePolicies.put(owner, name, document, ctx.now)
      })
      return undefined
    },
  }
}
