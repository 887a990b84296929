import type { Operation, OperationContext } from '../../operation.js'
import { toUserShape } from '../mappers/user.js'
import { onUser, requireUser, toUserTarget, type UserTarget, userOrCaller } from '../user-target.js'

/** The target found while authorizing, by request input: a read-only call need not read it twice. */
const found = new WeakMap<Record<string, unknown>, Promise<UserTarget | undefined>>()

const targetOf = (ctx: OperationContext, input: Record<string, unknown>) => {
  let target = found.get(input)
  if (target === undefined) {
    const own = ownUser(ctx, input)
    target = own === undefined ? userOrCaller(ctx, input) : Promise.resolve(own)
    found.set(input, target)
  }
  return target
}

/**
 * The calling IAM user as read with its access key, when the call names no other user: no store read. The cached
 * caller is dropped on every change notice (IAM writes, console sign-ins), so this is the record a read would find.
 */
function ownUser(ctx: OperationContext, input: Record<string, unknown>): UserTarget | undefined {
  const user = ctx.caller?.user
  if (user === undefined || (input.UserName !== undefined && input.UserName !== user.name)) return undefined
  return toUserTarget(user.accountId, user.name, user)
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
