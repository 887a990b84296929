import type { Operation } from '../../operation.js'
import { groupsPerUserQuota } from '../errors-users.js'
import { groupTarget, onGroup, requireGroup } from '../group-target.js'
import { requireUser, userTarget } from '../user-target.js'

/** AWS: groups per user. */
const MAX_GROUPS = 10

/** IAM AddUserToGroup; adding a member again is a no-op. */
export const addUserToGroup: Operation = {
  async authorize(ctx, input) {
    return [onGroup('iam:AddUserToGroup', await groupTarget(ctx, String(input.GroupName)))]
  },
  async run(ctx, input) {
    const group = requireGroup(await groupTarget(ctx, String(input.GroupName)))
    const user = requireUser(await userTarget(ctx, String(input.UserName)))
    const groups = await ctx.store.groups.listForUser(user.id)
    if (groups.some((g) => g.id === group.id)) return {}
    if (groups.length >= MAX_GROUPS) throw groupsPerUserQuota()
    await ctx.store.groups.addMember(group.id, user.id, ctx.now)
    return {}
  },
}
