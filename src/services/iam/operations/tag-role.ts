import type { Operation } from '../../operation.js'
import { requireRole, roleAuthorization } from '../role-access.js'
import { inputTags, mergeTags, requestTagContext } from '../tag-edits.js'

/** IAM TagRole: adds tags, replacing the value of keys already present (ignoring case). */
export const tagRole: Operation = {
  async authorize(ctx, input) {
    return [
      await roleAuthorization(ctx, 'iam:TagRole', input.RoleName, {
        context: requestTagContext(inputTags(input)),
      }),
    ]
  },
  async run(ctx, input) {
    const role = await requireRole(ctx, input.RoleName)
    await ctx.store.roles.update(role.id, { tags: mergeTags(role.tags, inputTags(input), 'TagsPerRole') })
    return {}
  },
}
