import type { Operation } from '../../operation.js'
import { removeTags, tagKeysContext } from '../tag-rules.js'
import { onUser, requireUser, userTarget } from '../user-target.js'

const keysOf = (input: Record<string, unknown>) =>
  Array.isArray(input.TagKeys) ? input.TagKeys.map(String) : []

/** IAM UntagUser: removes tags by key; missing keys are ignored. */
export const untagUser: Operation = {
  async authorize(ctx, input) {
    const target = await userTarget(ctx, String(input.UserName))
    return [onUser('iam:UntagUser', target, tagKeysContext(keysOf(input)))]
  },
  async run(ctx, input) {
    const user = requireUser(await userTarget(ctx, String(input.UserName)))
    await ctx.store.users.update(user.id, { tags: removeTags(user.tags, keysOf(input)) })
    return {}
  },
}
