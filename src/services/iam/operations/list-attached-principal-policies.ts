import type { AttachmentRecord, PrincipalKind } from '../../../store/index.js'
import type { Operation } from '../../operation.js'
import { toAttachedPolicyShape } from '../mappers/policy.js'
import { pageOf, pageOutput, pageRequest } from '../pagination.js'
import { onPrincipal, PRINCIPAL_KINDS, principalRef, principalTarget } from '../principal-target.js'

/** The path of an attached policy, read from its ARN (`…:policy/path/name`). */
function policyPath(attachment: AttachmentRecord): string {
  const resource = attachment.policyArn.slice(attachment.policyArn.indexOf(':policy/') + ':policy'.length)
  return resource.slice(0, resource.lastIndexOf('/') + 1)
}

/** IAM ListAttached{User,Group,Role}Policies: by policy name, filtered by the policies' PathPrefix. */
export function listAttachedPrincipalPolicies(kind: PrincipalKind): Operation {
  const action = `ListAttached${PRINCIPAL_KINDS[kind].noun}Policies`
  return {
    readOnly: true,
    async authorize(ctx, input) {
      return [onPrincipal(action, await principalTarget(ctx, kind, input))]
    },
    async run(ctx, input) {
      const owner = principalRef(await principalTarget(ctx, kind, input))
      const prefix = typeof input.PathPrefix === 'string' ? input.PathPrefix : '/'
      const attached = (await ctx.store.attachments.listForPrincipal(owner)).filter((a) =>
        policyPath(a).startsWith(prefix),
      )
      return pageOutput('AttachedPolicies', pageOf(attached, pageRequest(input)), toAttachedPolicyShape)
    },
  }
}
