import type { Operation } from '../../operation.js'
import { requireBucket } from '../buckets.js'
import { missingConfiguration } from '../errors.js'
import { bucketAction } from '../operation-helpers.js'

/** S3 GetBucketPolicy: the policy text as it was put; NoSuchBucketPolicy when there is none. */
export const getBucketPolicy: Operation = {
  unsigned: true,
  readOnly: true,
  authorize: bucketAction('s3:GetBucketPolicy'),
  async run(ctx, input) {
    const bucket = await requireBucket(ctx.store, String(input.Bucket))
    if (bucket.attributes.policy === undefined) throw missingConfiguration('policy')
    return { Policy: bucket.attributes.policy }
  },
}
