import type { Operation } from '../../operation.js'
import { updateBucket } from '../buckets.js'
import { bucketAction } from '../operation-helpers.js'

/** S3 DeleteBucketEncryption: back to the default SSE-S3 rule; AWS authorizes it as s3:PutEncryptionConfiguration. */
export const deleteBucketEncryption: Operation = {
  unsigned: true,
  authorize: bucketAction('s3:PutEncryptionConfiguration'),
  async run(ctx, input) {
    await updateBucket(
      ctx.store,
      String(input.Bucket),
      ({ attributes: { encryption: _encryption, ...rest } }) => ({ attributes: rest }),
      ctx.now,
    )
    return {}
  },
}
