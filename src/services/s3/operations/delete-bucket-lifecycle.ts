import type { Operation } from '../../operation.js'
import { updateBucket } from '../buckets.js'
import { bucketAction } from '../operation-helpers.js'

/** S3 DeleteBucketLifecycle: removes the rules; AWS authorizes it as s3:PutLifecycleConfiguration. */
export const deleteBucketLifecycle: Operation = {
  unsigned: true,
  authorize: bucketAction('s3:PutLifecycleConfiguration'),
  async run(ctx, input) {
    await updateBucket(
      ctx.store,
      String(input.Bucket),
      ({ attributes: { lifecycleRules: _rules, ...rest } }) => ({ attributes: rest }),
      ctx.now,
    )
    return {}
  },
}
