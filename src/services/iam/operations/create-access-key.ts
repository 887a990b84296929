import { newAccessKeyId } from '../../../kernel/ids.js'
import type { Operation } from '../../operation.js'
import { newSecretAccessKey } from '../bootstrap.js'
import { accessKeyQuota } from '../errors-users.js'
import { keyOwner, onKeyOwner, ownerKeys, ownerUser } from '../key-owner.js'

/** AWS: access keys per user (and per root). */
const MAX_KEYS = 2

/** IAM CreateAccessKey: a new Active key; the secret is returned here and never again. */
export const createAccessKey: Operation = {
  async authorize(ctx, input) {
    return [onKeyOwner('iam:CreateAccessKey', await keyOwner(ctx, input))]
  },
  async run(ctx, input) {
    const owner = await keyOwner(ctx, input)
    const user = ownerUser(owner)
    if ((await ownerKeys(ctx, owner)).length >= MAX_KEYS) throw accessKeyQuota()
    const key = await ctx.store.accessKeys.insert({
      id: newAccessKeyId('AKIA', owner.account, ctx.random),
      accountId: owner.account,
      ...(user ? { userId: user.id } : {}),
      secretAccessKey: newSecretAccessKey(ctx),
      status: 'Active',
      createdAt: ctx.now,
    })
    return {
      AccessKey: {
        AccessKeyId: key.id,
        Status: key.status,
        SecretAccessKey: key.secretAccessKey,
        CreateDate: key.createdAt,
        ...(user ? { UserName: user.name } : {}),
      },
    }
  },
}
