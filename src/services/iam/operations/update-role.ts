import type { Operation } from '../../operation.js'
import { requireRole, roleAuthorization } from '../role-access.js'

/** IAM UpdateRole: changes Description and MaxSessionDuration (absent members are left as they are). */
export const updateRole: Operation = {
  async authorize(ctx, input) {
    return [await roleAuthorization(ctx, 'iam:UpdateRole', input.RoleName, { boundaryKey: true })]
  },
  async run(ctx, input) {
    const role = await requireRole(ctx, input.RoleName)
    await ctx.store.roles.update(role.id, {
      ...(typeof input.Description === 'string' ? { description: input.Description } : {}),
      ...(typeof input.MaxSessionDuration === 'number'
        ? { maxSessionDuration: input.MaxSessionDuration }
        : {}),
    })
    return {}
  },
}
