import type { Operation } from '../../operation.js'
import { updateBucket } from '../buckets.js'
import { bucketAction } from '../operation-helpers.js'

/** S3 DeleteBucketTagging: removes every tag; AWS authorizes it as s3:PutBucketTagging. */
export const deleteBucketTagging: Operation = {
  unsigned: true,
  authorize: bucketAction('s3:PutBucketTagging'),
  async run(ctx, input) {
    await updateBucket(ctx.store, String(input.Bucket), () => ({ tags: [] }), ctx.now)
    return {}
  },
}
