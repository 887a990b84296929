import type { Operation } from '../../operation.js'
import { updateBucket } from '../buckets.js'
import { bucketAction } from '../operation-helpers.js'

/** S3 DeletePublicAccessBlock: removes the flags; AWS authorizes it as s3:PutBucketPublicAccessBlock. */
export const deletePublicAccessBlock: Operation = {
  unsigned: true,
  authorize: bucketAction('s3:PutBucketPublicAccessBlock'),
  async run(ctx, input) {
    await updateBucket(
      ctx.store,
      String(input.Bucket),
      ({ attributes: { publicAccessBlock: _block, ...rest } }) => ({ attributes: rest }),
      ctx.now,
    )
    return {}
  },
}
