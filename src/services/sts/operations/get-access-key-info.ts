import { accountOfAccessKeyId } from '../../../kernel/ids.js'
import type { Operation } from '../../operation.js'
import { validationError } from '../errors.js'

/** STS GetAccessKeyInfo: the account an access key id belongs to, decoded from the id itself (any account's key). */
export const getAccessKeyInfo: Operation = {
  readOnly: true,
  async authorize() {
    return [{ action: 'sts:GetAccessKeyInfo', resource: '*' }]
  },
  async run(_ctx, input) {
    const account = accountOfAccessKeyId(String(input.AccessKeyId))
    // AWS: unverified wording for an id that is not an access key id.
    if (account === undefined) throw validationError('The access key ID provided is not valid.')
    return { Account: account }
  },
}
