import type { Operation } from '../../operation.js'
import { toGroupShape } from '../mappers/group.js'
import { pageOf, pageOutput, pageRequest } from '../pagination.js'
import { onUser, requireUser, userTarget } from '../user-target.js'

/** IAM ListGroupsForUser: the groups a user is in, paginated. */
export const listGroupsForUser: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    return [onUser('iam:ListGroupsForUser', await userTarget(ctx, String(input.UserName)))]
  },
  async run(ctx, input) {
    const user = requireUser(await userTarget(ctx, String(input.UserName)))
    const page = pageOf(await ctx.store.groups.listForUser(user.id), pageRequest(input))
    return pageOutput('Groups', page, toGroupShape)
  },
}
