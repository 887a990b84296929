import type { Operation } from '../../operation.js'
import { onPrincipal, principalTarget, requireModifiable } from '../principal-target.js'

/** IAM Delete{User,Role}PermissionsBoundary: removes the boundary; `iam:PermissionsBoundary` names the one removed. */
export function deletePermissionsBoundary(kind: 'user' | 'role'): Operation {
  const action = kind === 'user' ? 'DeleteUserPermissionsBoundary' : 'DeleteRolePermissionsBoundary'
  return {
    async authorize(ctx, input) {
      return [onPrincipal(action, await principalTarget(ctx, kind, input), {}, true)]
    },
    async run(ctx, input) {
      const entity = requireModifiable(await principalTarget(ctx, kind, input))
      const patch = { permissionsBoundaryArn: null }
      await (kind === 'user'
        ? ctx.store.users.update(entity.id, patch)
        : ctx.store.roles.update(entity.id, patch))
      return undefined
    },
  }
}
