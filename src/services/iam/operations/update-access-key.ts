import type { AccessKeyStatus } from '../../../store/index.js'
import type { Operation } from '../../operation.js'
import { keyOwner, onKeyOwner, ownerKey } from '../key-owner.js'

/** IAM UpdateAccessKey: Active or Inactive; an Inactive key is refused from its next request. */
export const updateAccessKey: Operation = {
  async authorize(ctx, input) {
    return [onKeyOwner('iam:UpdateAccessKey', await keyOwner(ctx, input))]
  },
  async run(ctx, input) {
    const key = await ownerKey(ctx, await keyOwner(ctx, input), String(input.AccessKeyId))
    await ctx.store.accessKeys.setStatus(key.id, input.Status as AccessKeyStatus)
    return {}
  },
}
