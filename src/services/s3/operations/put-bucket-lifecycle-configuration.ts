import type { Operation } from '../../operation.js'
import { updateBucket } from '../buckets.js'
import { bucketAction } from '../operation-helpers.js'

/** S3 PutBucketLifecycleConfiguration: stores the rules (Lanyard does not expire or transition objects). */
export const putBucketLifecycleConfiguration: Operation = {
  unsigned: true,
  authorize: bucketAction('s3:PutLifecycleConfiguration'),
  async run(ctx, input) {
    const rules = ((input.LifecycleConfiguration ?? {}) as { Rules?: unknown[] }).Rules ?? []
    await updateBucket(
      ctx.store,
      String(input.Bucket),
      (b) => ({ attributes: Object.assign({}, b.attributes, { lifecycleRules: rules }) }),
      ctx.now,
    )
    return {}
  },
}
