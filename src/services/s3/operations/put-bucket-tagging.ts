import type { Operation } from '../../operation.js'
import { requestTagContext, s3Authorization } from '../authz.js'
import { updateBucket } from '../buckets.js'
import { requireValidTags, tagsFromTagging } from '../tagging.js'

/** S3 PutBucketTagging: replaces the bucket's tag set (the tags the Resource Groups Tagging API finds). */
export const putBucketTagging: Operation = {
  unsigned: true,
  async authorize(ctx, input) {
    const tags = tagsFromTagging(input.Tagging)
    return [
      await s3Authorization(ctx, {
        action: 's3:PutBucketTagging',
        bucket: String(input.Bucket),
        context: requestTagContext(tags),
      }),
    ]
  },
  async run(ctx, input) {
    const tags = tagsFromTagging(input.Tagging)
    requireValidTags(tags, 'bucket')
    await updateBucket(ctx.store, String(input.Bucket), () => ({ tags }), ctx.now)
    return {}
  },
}
