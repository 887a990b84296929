import type { Operation } from '../../operation.js'
import { requireRole, roleAuthorization, shownRole } from '../role-access.js'

/** IAM GetRole: the role with its trust policy (URL-encoded), boundary, tags and RoleLastUsed. */
export const getRole: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    return [await roleAuthorization(ctx, 'iam:GetRole', input.RoleName, { boundaryKey: true })]
  },
  async run(ctx, input) {
    return { Role: await shownRole(ctx, await requireRole(ctx, input.RoleName), 'get') }
  },
}
