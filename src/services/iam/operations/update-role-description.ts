import type { Operation } from '../../operation.js'
import { requireRole, roleAuthorization, shownRole } from '../role-access.js'

/** IAM UpdateRoleDescription: sets the description and returns the role. */
export const updateRoleDescription: Operation = {
  async authorize(ctx, input) {
    return [await roleAuthorization(ctx, 'iam:UpdateRoleDescription', input.RoleName, { boundaryKey: true })]
  },
  async run(ctx, input) {
    const role = await requireRole(ctx, input.RoleName)
    const updated = await ctx.store.roles.update(role.id, { description: String(input.Description ?? '') })
    return { Role: await shownRole(ctx, updated ?? role, 'create') }
  },
}
