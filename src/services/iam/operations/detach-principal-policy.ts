import type { PrincipalKind } from '../../../store/index.js'
import type { Operation } from '../../operation.js'
import { policyNotFound } from '../errors-policies.js'
import { policyTarget } from '../policy-target.js'
import { modifiableRef, onPrincipal, PRINCIPAL_KINDS, principalTarget } from '../principal-target.js'

/** IAM Detach{User,Group,Role}Policy: AWS answers NoSuchEntity when the policy is not attached. */
export function detachPrincipalPolicy(kind: PrincipalKind): Operation {
  const action = `Detach${PRINCIPAL_KINDS[kind].noun}Policy`
  return {
    async authorize(ctx, input) {
      const target = await principalTarget(ctx, kind, input)
      return [onPrincipal(action, target, { 'iam:PolicyARN': String(input.PolicyArn) }, true)]
    },
    async run(ctx, input) {
      const owner = modifiableRef(await principalTarget(ctx, kind, input))
      const target = await policyTarget(ctx, input)
      const detached =
        target.policy !== undefined && (await ctx.store.attachments.detach(owner, target.policy.id))
      if (!detached) throw policyNotFound(target.arn)
      return undefined
    },
  }
}
