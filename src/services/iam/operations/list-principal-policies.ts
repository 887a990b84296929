import type { PrincipalKind } from '../../../store/index.js'
import type { Operation } from '../../operation.js'
import { pageOf, pageOutput, pageRequest } from '../pagination.js'
import { onPrincipal, PRINCIPAL_KINDS, principalRef, principalTarget } from '../principal-target.js'

/** IAM List{User,Group,Role}Policies: the names of the inline policies, ordered by name. */
export function listPrincipalPolicies(kind: PrincipalKind): Operation {
  const action = `List${PRINCIPAL_KINDS[kind].noun}Policies`
  return {
    readOnly: true,
    async authorize(ctx, input) {
      return [onPrincipal(action, await principalTarget(ctx, kind, input))]
    },
    async run(ctx, input) {
      const policies = await ctx.store.inlinePolicies.list(
        principalRef(await principalTarget(ctx, kind, input)),
      )
      return pageOutput('PolicyNames', pageOf(policies, pageRequest(input)), (policy) => policy.name)
    },
  }
}
