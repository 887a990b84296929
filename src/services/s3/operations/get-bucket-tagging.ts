import type { Operation } from '../../operation.js'
import { requireBucket } from '../buckets.js'
import { missingConfiguration } from '../errors.js'
import { bucketAction } from '../operation-helpers.js'
import { tagSet } from '../tagging.js'

/** S3 GetBucketTagging: the bucket's tag set; NoSuchTagSet when it has none. */
export const getBucketTagging: Operation = {
  unsigned: true,
  readOnly: true,
  authorize: bucketAction('s3:GetBucketTagging'),
  async run(ctx, input) {
    const bucket = await requireBucket(ctx.store, String(input.Bucket))
    if (bucket.tags.length === 0) throw missingConfiguration('tagging')
    return { TagSet: tagSet(bucket.tags) }
  },
}
