import type { Operation } from '../../operation.js'
import {
  protectedRole,
  roleHasAttachedPolicies,
  roleHasInlinePolicies,
  roleInInstanceProfile,
} from '../errors-roles.js'
import { isServiceLinked, requireRole, roleAuthorization } from '../role-access.js'

/** IAM DeleteRole: refused while the role has attached or inline policies or is in an instance profile. */
export const deleteRole: Operation = {
  async authorize(ctx, input) {
    return [await roleAuthorization(ctx, 'iam:DeleteRole', input.RoleName, { boundaryKey: true })]
  },
  async run(ctx, input) {
    const role = await requireRole(ctx, input.RoleName)
    if (isServiceLinked(role)) throw protectedRole(role.name)
    const owner = { kind: 'role', id: role.id } as const
    if ((await ctx.store.attachments.listForPrincipal(owner)).length > 0) throw roleHasAttachedPolicies()
    if ((await ctx.store.inlinePolicies.list(owner)).length > 0) throw roleHasInlinePolicies()
    if ((await ctx.store.instanceProfiles.listForRole(role.id)).length > 0) throw roleInInstanceProfile()
    await ctx.store.roles.delete(role.id)
    return {}
  },
}
