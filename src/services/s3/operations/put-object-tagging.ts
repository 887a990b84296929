import type { Operation } from '../../operation.js'
import { existingObjectTagContext, requestObjectTagContext, s3Authorization } from '../authz.js'
import { requireBucket } from '../buckets.js'
import { noSuchKey } from '../errors.js'
import { requireValidTags, tagsFromTagging } from '../tagging.js'

/** S3 PutObjectTagging: replaces the object's tag set (at most 10 tags). */
export const putObjectTagging: Operation = {
  unsigned: true,
  async authorize(ctx, input) {
    const bucket = String(input.Bucket)
    const key = String(input.Key)
    const existing = await ctx.store.s3Objects.get(bucket, key)
    const context = Object.assign(
      existingObjectTagContext(existing?.tags ?? []),
      requestObjectTagContext(tagsFromTagging(input.Tagging)),
    )
    return [await s3Authorization(ctx, { action: 's3:PutObjectTagging', bucket, key, context })]
  },
  async run(ctx, input) {
    await requireBucket(ctx.store, String(input.Bucket))
    const tags = tagsFromTagging(input.Tagging)
    requireValidTags(tags, 'object')
    if (!(await ctx.store.s3Objects.setTags(String(input.Bucket), String(input.Key), tags))) throw noSuchKey()
    return {}
  },
}
