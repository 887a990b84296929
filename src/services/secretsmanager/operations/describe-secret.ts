import type { Operation } from '../../operation.js'
import { secretAuthorization } from '../authz.js'
import { toDescribeShape } from '../mappers.js'
import { requireSecret } from '../secret.js'

/** Secrets Manager DescribeSecret: the secret's details, also while it is scheduled for deletion. */
export const describeSecret: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    return [await secretAuthorization(ctx, 'DescribeSecret', input.SecretId)]
  },
  async run(ctx, input) {
    return toDescribeShape(await requireSecret(ctx, input.SecretId, { allowDeleted: true }))
  },
}
