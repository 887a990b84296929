import type { Operation } from '../../operation.js'
import { toTagShapes } from '../mappers/tags.js'
import { pageOf, pageOutput, pageRequest } from '../pagination.js'
import { onUser, requireUser, userTarget } from '../user-target.js'

/** IAM ListUserTags: the user's tags, paginated. */
export const listUserTags: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    return [onUser('iam:ListUserTags', await userTarget(ctx, String(input.UserName)))]
  },
  async run(ctx, input) {
    const user = requireUser(await userTarget(ctx, String(input.UserName)))
    const page = pageOf(user.tags, pageRequest(input))
    return pageOutput('Tags', page, (tag) => toTagShapes([tag])[0])
  },
}
