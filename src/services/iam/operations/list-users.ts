import type { Operation } from '../../operation.js'
import { userArn } from '../arns.js'
import { toUserShape } from '../mappers/user.js'
import { pageOutput, pathPageRequest } from '../pagination.js'

/** IAM ListUsers: users by name, filtered by PathPrefix, paginated. */
export const listUsers: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    // AWS: the resource is the path prefix as a user ARN without a name, e.g. `…:user/`.
    const prefix = typeof input.PathPrefix === 'string' ? input.PathPrefix : '/'
    return [{ action: 'iam:ListUsers', resource: userArn(ctx.caller!.principal.account, prefix, '') }]
  },
  async run(ctx, input) {
    const page = await ctx.store.users.list(ctx.caller!.principal.account, pathPageRequest(input))
    return pageOutput('Users', page, (user) => toUserShape(user, { list: true }))
  },
}
