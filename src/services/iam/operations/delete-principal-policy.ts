import type { PrincipalKind } from '../../../store/index.js'
import type { Operation } from '../../operation.js'
import { inlinePolicyNotFound } from '../errors-policies.js'
import { modifiableRef, onPrincipal, PRINCIPAL_KINDS, principalTarget } from '../principal-target.js'

/** IAM Delete{User,Group,Role}Policy: removes one inline policy. */
export function deletePrincipalPolicy(kind: PrincipalKind): Operation {
  const action = `Delete${PRINCIPAL_KINDS[kind].noun}Policy`
  return {
    async authorize(ctx, input) {
      return [onPrincipal(action, await principalTarget(ctx, kind, input), {}, true)]
    },
    async run(ctx, input) {
      const name = String(input.PolicyName)
      if (
        !(await ctx.store.inlinePolicies.delete(modifiableRef(await principalTarget(ctx, kind, input)), name))
      )
        throw inlinePolicyNotFound(kind, name)
      return undefined
    },
  }
}
