import type { Operation } from '../../operation.js'
import { keyOwner, onKeyOwner, ownerKey } from '../key-owner.js'

/** IAM DeleteAccessKey. */
export const deleteAccessKey: Operation = {
  async authorize(ctx, input) {
    return [onKeyOwner('iam:DeleteAccessKey', await keyOwner(ctx, input))]
  },
  async run(ctx, input) {
    const key = await ownerKey(ctx, await keyOwner(ctx, input), String(input.AccessKeyId))
    await ctx.store.accessKeys.delete(key.id)
    return {}
  },
}
