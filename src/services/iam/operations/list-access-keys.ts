import type { Operation } from '../../operation.js'
import { keyOwner, onKeyOwner, ownerKeys, ownerUser } from '../key-owner.js'
import { toAccessKeyMetadata } from '../mappers/access-key.js'
import { pageOf, pageOutput, pageRequest } from '../pagination.js'

/** IAM ListAccessKeys: the owner's keys without their secrets. */
export const listAccessKeys: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    return [onKeyOwner('iam:ListAccessKeys', await keyOwner(ctx, input))]
  },
  async run(ctx, input) {
    const owner = await keyOwner(ctx, input)
    const name = ownerUser(owner)?.name
    const page = pageOf(await ownerKeys(ctx, owner), pageRequest(input))
    return pageOutput('AccessKeyMetadata', page, (key) => toAccessKeyMetadata(key, name))
  },
}
