import type { Operation } from '../../operation.js'
import { updateBucket } from '../buckets.js'
import { bucketAction } from '../operation-helpers.js'

/** S3 DeleteBucketPolicy: removes the policy (204 whether or not there was one). */
export const deleteBucketPolicy: Operation = {
  unsigned: true,
  authorize: bucketAction('s3:DeleteBucketPolicy'),
  async run(ctx, input) {
    await updateBucket(
      ctx.store,
      String(input.Bucket),
      ({ attributes: { policy: _policy, ...rest } }) => ({ attributes: rest }),
      ctx.now,
    )
    return {}
  },
}
