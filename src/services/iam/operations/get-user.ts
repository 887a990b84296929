import type { Operation } from '../../operation.js'
import { toUserShape } from '../mappers/user.js'
import { onUser, requireUser, userOrCaller } from '../user-target.js'

/** IAM GetUser: the named user, or the caller itself. */
export const getUser: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    const target = await userOrCaller(ctx, input)
    if (target === undefined) return [{ action: 'iam:GetUser', resource: ctx.caller!.principal.arn }]
    return [onUser('iam:GetUser', target)]
  },
  async run(ctx, input) {
    const target = await userOrCaller(ctx, input)
    if (target === undefined) {
      // AWS: the root user without UserName gets its own identity back, dated when the account was made.
      const account = ctx.caller!.principal.account
      const created = (await ctx.store.accounts.get(account))?.createdAt
      return {
        User: {
          Path: '/',
          UserName: '',
          UserId: account,
          Arn: ctx.caller!.principal.arn,
          ...(created ? { CreateDate: created } : {}),
        },
      }
    }
    return { User: toUserShape(requireUser(target)) }
  },
}
