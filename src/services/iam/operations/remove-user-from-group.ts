import type { Operation } from '../../operation.js'
import { noSuchUser } from '../errors.js'
import { groupTarget, onGroup, requireGroup } from '../group-target.js'
import { requireUser, userTarget } from '../user-target.js'

/** IAM RemoveUserFromGroup. */
export const removeUserFromGroup: Operation = {
  async authorize(ctx, input) {
    return [onGroup('iam:RemoveUserFromGroup', await groupTarget(ctx, String(input.GroupName)))]
  },
  async run(ctx, input) {
    const group = requireGroup(await groupTarget(ctx, String(input.GroupName)))
    const user = requireUser(await userTarget(ctx, String(input.UserName)))
    // AWS: a user who is not a member is reported as a missing user.
    if (!(await ctx.store.groups.removeMember(group.id, user.id))) throw noSuchUser(user.name)
    return {}
  },
}
