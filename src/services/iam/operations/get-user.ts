import type { Operation, OperationContext } from '../../operation.js'
import { toUserShape } from '../mappers/user.js'
import { onUser, requireUser, type UserTarget, userOrCaller } from '../user-target.js'

/** The target found while authorizing, by request input: a read-only call need not read it twice. */
const found = new WeakMap<Record<string, unknown>, Promise<UserTarget | undefined>>()

const targetOf = (ctx: OperationContext, input: Record<string, unknown>) => {
  let target = found.get(input)
  if (target === undefined) {
    target = userOrCaller(ctx, input)
    found.set(input, target)
  }
  return target
}

/** IAM GetUser: the named user, or the caller itself. */
export const getUser: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    const target = await targetOf(ctx, input)
    if (target === undefined) return [{ action: 'iam:GetUser', resource: ctx.caller!.principal.arn }]
    return [onUser('iam:GetUser', target)]
  },
  async run(ctx, input) {
    const target = await targetOf(ctx, input)
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
