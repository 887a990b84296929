import type { Operation } from '../../operation.js'
import { requireBucket } from '../buckets.js'
import { bucketAction } from '../operation-helpers.js'

/** S3 GetBucketLocation: the bucket's region; AWS: empty for us-east-1. */
export const getBucketLocation: Operation = {
  unsigned: true,
  readOnly: true,
  authorize: bucketAction('s3:GetBucketLocation'),
  async run(ctx, input) {
    const bucket = await requireBucket(ctx.store, String(input.Bucket))
    return { LocationConstraint: bucket.region === 'us-east-1' ? '' : bucket.region }
  },
}
