import type { PrincipalKind } from '../../../store/index.js'
import type { Operation } from '../../operation.js'
import { noSuchPolicy } from '../errors.js'
import { tooManyAttachments } from '../errors-policies.js'
import { policyTarget, requirePolicy } from '../policy-target.js'
import { modifiableRef, onPrincipal, PRINCIPAL_KINDS, principalTarget } from '../principal-target.js'

/** AWS: the default quota of managed policies attached to one user, group or role. */
const MAX_ATTACHED = 10

/** IAM Attach{User,Group,Role}Policy: attaches a customer or AWS managed policy; attaching twice is a no-op. */
export function attachPrincipalPolicy(kind: PrincipalKind): Operation {
  const action = `Attach${PRINCIPAL_KINDS[kind].noun}Policy`
  return {
    async authorize(ctx, input) {
      const target = await principalTarget(ctx, kind, input)
      return [onPrincipal(action, target, { 'iam:PolicyARN': String(input.PolicyArn) }, true)]
    },
    async run(ctx, input) {
      const owner = modifiableRef(await principalTarget(ctx, kind, input))
      const policy = requirePolicy(await policyTarget(ctx, input), noSuchPolicy)
      await ctx.store.transaction(async (tx) => {
        const attached = await tx.attachments.listForPrincipal(owner)
        if (attached.some((a) => a.policyId === policy.id)) return
        if (attached.length >= MAX_ATTACHED)
          throw tooManyAttachments(PRINCIPAL_KINDS[kind].noun, MAX_ATTACHED)
        await tx.attachments.attach(owner, policy.id, ctx.now)
      })
      return undefined
    },
  }
}
