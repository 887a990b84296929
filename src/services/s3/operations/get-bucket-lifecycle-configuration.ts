import type { Operation } from '../../operation.js'
import { requireBucket } from '../buckets.js'
import { missingConfiguration } from '../errors.js'
import { bucketAction } from '../operation-helpers.js'

/** S3 GetBucketLifecycleConfiguration: the stored rules; NoSuchLifecycleConfiguration when none. */
export const getBucketLifecycleConfiguration: Operation = {
  unsigned: true,
  readOnly: true,
  authorize: bucketAction('s3:GetLifecycleConfiguration'),
  async run(ctx, input) {
    const bucket = await requireBucket(ctx.store, String(input.Bucket))
    const rules = bucket.attributes.lifecycleRules
    if (rules === undefined) throw missingConfiguration('lifecycle')
    return { Rules: rules }
  },
}
