import type { Operation } from '../../operation.js'
import { groupTarget, onGroup, requireGroup } from '../group-target.js'
import { toGroupShape } from '../mappers/group.js'
import { toUserShape } from '../mappers/user.js'
import { pageOf, pageOutput, pageRequest } from '../pagination.js'

/** IAM GetGroup: the group and a page of its members. */
export const getGroup: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    return [onGroup('iam:GetGroup', await groupTarget(ctx, String(input.GroupName)))]
  },
  async run(ctx, input) {
    const group = requireGroup(await groupTarget(ctx, String(input.GroupName)))
    const members = await ctx.store.groups.listMembers(group.id)
    const page = pageOf(members, pageRequest(input))
    return {
      Group: toGroupShape(group),
      ...pageOutput('Users', page, (user) => toUserShape(user, { list: true })),
    }
  },
}
