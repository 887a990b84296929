import type { PrincipalKind } from '../../../store/index.js'
import type { Operation } from '../../operation.js'
import { inlinePolicyNotFound } from '../errors-policies.js'
import { encodePolicyDocument } from '../policy-documents.js'
import {
  onPrincipal,
  PRINCIPAL_KINDS,
  principalRef,
  principalTarget,
  requirePrincipal,
} from '../principal-target.js'

/** IAM Get{User,Group,Role}Policy: one inline policy with its URL-encoded document. */
export function getPrincipalPolicy(kind: PrincipalKind): Operation {
  const info = PRINCIPAL_KINDS[kind]
  return {
    readOnly: true,
    async authorize(ctx, input) {
      return [onPrincipal(`Get${info.noun}Policy`, await principalTarget(ctx, kind, input))]
    },
    async run(ctx, input) {
      const target = await principalTarget(ctx, kind, input)
      const name = String(input.PolicyName)
      const policy = await ctx.store.inlinePolicies.get(principalRef(target), name)
      if (policy === undefined) throw inlinePolicyNotFound(kind, name)
      return {
        [info.nameMember]: requirePrincipal(target).name,
        PolicyName: policy.name,
        PolicyDocument: encodePolicyDocument(policy.document),
      }
    },
  }
}
