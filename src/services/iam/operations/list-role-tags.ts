import type { Operation } from '../../operation.js'
import { toTagShapes } from '../mappers/tags.js'
import { pageOf, pageOutput, pageRequest } from '../pagination.js'
import { requireRole, roleAuthorization } from '../role-access.js'

/** IAM ListRoleTags: the role's tags, paginated. */
export const listRoleTags: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    return [await roleAuthorization(ctx, 'iam:ListRoleTags', input.RoleName)]
  },
  async run(ctx, input) {
    const role = await requireRole(ctx, input.RoleName)
    return pageOutput('Tags', pageOf(toTagShapes(role.tags), pageRequest(input)), (tag) => tag)
  },
}
