import type { Operation } from '../../operation.js'
import { noSuchBoundaryPolicy } from '../errors-policies.js'
import { policyTarget, requirePolicy } from '../policy-target.js'
import { onPrincipal, principalTarget, requireModifiable } from '../principal-target.js'

/** IAM Put{User,Role}PermissionsBoundary: sets or replaces the boundary (a customer or AWS managed policy). */
export function putPermissionsBoundary(kind: 'user' | 'role'): Operation {
  const action = kind === 'user' ? 'PutUserPermissionsBoundary' : 'PutRolePermissionsBoundary'
  return {
    async authorize(ctx, input) {
      const boundary = String(input.PermissionsBoundary)
      return [
        onPrincipal(action, await principalTarget(ctx, kind, input), { 'iam:PermissionsBoundary': boundary }),
      ]
    },
    async run(ctx, input) {
      const entity = requireModifiable(await principalTarget(ctx, kind, input))
      const policy = requirePolicy(
        await policyTarget(ctx, input, 'PermissionsBoundary'),
        noSuchBoundaryPolicy,
      )
      const patch = { permissionsBoundaryArn: policy.arn }
      await (kind === 'user'
        ? ctx.store.users.update(entity.id, patch)
        : ctx.store.roles.update(entity.id, patch))
      return undefined
    },
  }
}
