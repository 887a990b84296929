import type { Operation } from '../../operation.js'
import { requireRole, roleAuthorization } from '../role-access.js'

/** IAM UpdateRole: changes Description and MaxSessionDuration (absent members are left as they are). */
export const updateRole: Operation = {
  async authorize(ctx, input) {
    return [await roleAuthorization(ctx, 'iam:UpdateRole', input.RoleName, { boundaryKey: true })]
  },
  async run(ctx, input) {
    const role = await requireRole(ctx, input.RoleName)
    const change: { description?: string; maxSessionDuration?: number } = {}
    if (typeof input.Description === 'string') change.description = input.Description
    if (typeof input.MaxSessionDuration === 'number') change.maxSessionDuration = input.MaxSessionDuration
    await ctx.store.roles.update(role.id, change)
    return {}
  },
}
