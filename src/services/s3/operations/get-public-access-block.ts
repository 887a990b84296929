import type { Operation } from '../../operation.js'
import { requireBucket } from '../buckets.js'
import { missingConfiguration } from '../errors.js'
import { bucketAction } from '../operation-helpers.js'

/** S3 GetPublicAccessBlock: the flags; NoSuchPublicAccessBlockConfiguration when never set. */
export const getPublicAccessBlock: Operation = {
  unsigned: true,
  readOnly: true,
  authorize: bucketAction('s3:GetBucketPublicAccessBlock'),
  async run(ctx, input) {
    const bucket = await requireBucket(ctx.store, String(input.Bucket))
    const block = bucket.attributes.publicAccessBlock
    if (block === undefined) throw missingConfiguration('publicAccessBlock')
    return { PublicAccessBlockConfiguration: block }
  },
}
