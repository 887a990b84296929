import type { Operation, OperationContext } from '../../operation.js'
import { userArn } from '../arns.js'
import { noSuchUser } from '../errors.js'
import { toUserShape } from '../mappers/user.js'

/** The user a GetUser call names: `UserName`, or the calling user when it is absent. */
function targetName(ctx: OperationContext, input: Record<string, unknown>): string | undefined {
  if (typeof input.UserName === 'string') return input.UserName
  const principal = ctx.caller?.principal
  return principal?.type === 'User' ? principal.arn.slice(principal.arn.lastIndexOf('/') + 1) : undefined
}

/** IAM GetUser: the named user, or the caller itself. */
export const getUser: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    const account = ctx.caller!.principal.account
    const name = targetName(ctx, input)
    if (name === undefined) return [{ action: 'iam:GetUser', resource: ctx.caller!.principal.arn }]
    const user = await ctx.store.users.getByName(account, name)
    return [
      {
        action: 'iam:GetUser',
        resource: user ? userArn(account, user.path, user.name) : userArn(account, '/', name),
      },
    ]
  },
  async run(ctx, input) {
    const account = ctx.caller!.principal.account
    const name = targetName(ctx, input)
    if (name === undefined) {
      // AWS: the root user without UserName gets its own identity back.
      return {
        User: {
          Path: '/',
          UserName: '',
          UserId: account,
          Arn: ctx.caller!.principal.arn,
          CreateDate: new Date(0),
        },
      }
    }
    const user = await ctx.store.users.getByName(account, name)
    if (user === undefined) throw noSuchUser(name)
    return { User: toUserShape(user) }
  },
}
