import type { Operation } from '../../operation.js'
import { requireBucket } from '../buckets.js'
import { bucketAction } from '../operation-helpers.js'

/** S3 GetBucketVersioning: Lanyard buckets are never versioned, so the configuration is always empty. */
export const getBucketVersioning: Operation = {
  unsigned: true,
  readOnly: true,
  authorize: bucketAction('s3:GetBucketVersioning'),
  async run(ctx, input) {
    await requireBucket(ctx.store, String(input.Bucket))
    return {}
  },
}
