import type { Operation } from '../../operation.js'
import { requireRole, roleAuthorization } from '../role-access.js'
import { inputTagKeys, removeTags } from '../tag-edits.js'

/** IAM UntagRole: removes the named tag keys; keys the role does not have are ignored. */
export const untagRole: Operation = {
  async authorize(ctx, input) {
    const keys = inputTagKeys(input)
    return [
      await roleAuthorization(ctx, 'iam:UntagRole', input.RoleName, { context: { 'aws:TagKeys': keys } }),
    ]
  },
  async run(ctx, input) {
    const role = await requireRole(ctx, input.RoleName)
    await ctx.store.roles.update(role.id, { tags: removeTags(role.tags, inputTagKeys(input)) })
    return {}
  },
}
