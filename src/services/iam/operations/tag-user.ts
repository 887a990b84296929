import type { Operation } from '../../operation.js'
import { tagQuota } from '../errors-users.js'
import { mergeTags, readTags, requestTagContext, requireDistinctKeys } from '../tag-rules.js'
import { onUser, requireUser, userTarget } from '../user-target.js'

/** AWS: tags per user. */
const MAX_TAGS = 50

/** IAM TagUser: adds or overwrites tags on a user. */
export const tagUser: Operation = {
  async authorize(ctx, input) {
    const target = await userTarget(ctx, String(input.UserName))
    return [onUser('iam:TagUser', target, requestTagContext(readTags(input.Tags)))]
  },
  async run(ctx, input) {
    const user = requireUser(await userTarget(ctx, String(input.UserName)))
    const added = readTags(input.Tags)
    requireDistinctKeys(added)
    const tags = mergeTags(user.tags, added)
    if (tags.length > MAX_TAGS) throw tagQuota('User')
    await ctx.store.users.update(user.id, { tags })
    return {}
  },
}
