import type { Operation } from '../../operation.js'
import { pathPageRequest } from '../pagination.js'
import { callerAccount, shownRole } from '../role-access.js'

/** IAM ListRoles: roles by name, filtered by PathPrefix, paginated; AWS omits PermissionsBoundary, Tags and RoleLastUsed. */
export const listRoles: Operation = {
  readOnly: true,
  async authorize() {
    return [{ action: 'iam:ListRoles', resource: '*' }]
  },
  async run(ctx, input) {
    const page = await ctx.store.roles.list(callerAccount(ctx), pathPageRequest(input))
    const roles = await Promise.all(page.items.map((role) => shownRole(ctx, role, 'list')))
    return { Roles: roles, IsTruncated: page.next !== undefined, ...(page.next ? { Marker: page.next } : {}) }
  },
}
