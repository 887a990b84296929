import type { Operation, OperationContext } from '../../operation.js'
import { rootArn, userArn } from '../arns.js'
import { noSuchAccessKey } from '../errors-users.js'
import { toAccessKeyLastUsed } from '../mappers/access-key.js'

/** The key (when it is in the caller's account) and its owning user. */
async function lookUp(ctx: OperationContext, id: string) {
  const account = ctx.caller!.principal.account
  const key = await ctx.store.accessKeys.get(id)
  if (key === undefined || key.accountId !== account) return { account, key: undefined, user: undefined }
  const user = key.userId === undefined ? undefined : await ctx.store.users.get(key.userId)
  return { account, key, user }
}

/** IAM GetAccessKeyLastUsed: when, where and with which service a key was last used. */
export const getAccessKeyLastUsed: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    const { account, user } = await lookUp(ctx, String(input.AccessKeyId))
    const resource = user ? userArn(account, user.path, user.name) : rootArn(account)
    return [{ action: 'iam:GetAccessKeyLastUsed', resource }]
  },
  async run(ctx, input) {
    const id = String(input.AccessKeyId)
    const { key, user } = await lookUp(ctx, id)
    if (key === undefined) throw noSuchAccessKey(id)
    return { AccessKeyLastUsed: toAccessKeyLastUsed(key), ...(user ? { UserName: user.name } : {}) }
  },
}
