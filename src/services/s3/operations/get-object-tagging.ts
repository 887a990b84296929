import type { Operation } from '../../operation.js'
import { existingObjectTagContext, s3Authorization } from '../authz.js'
import { requireBucket } from '../buckets.js'
import { requireObject } from '../objects.js'
import { tagSet } from '../tagging.js'

/** S3 GetObjectTagging: the object's tag set (empty when it has none). */
export const getObjectTagging: Operation = {
  unsigned: true,
  readOnly: true,
  async authorize(ctx, input) {
    const bucket = String(input.Bucket)
    const key = String(input.Key)
    const existing = await ctx.store.s3Objects.get(bucket, key)
    const context = existingObjectTagContext(existing?.tags ?? [])
    return [await s3Authorization(ctx, { action: 's3:GetObjectTagging', bucket, key, context })]
  },
  async run(ctx, input) {
    await requireBucket(ctx.store, String(input.Bucket))
    const object = await requireObject(ctx, String(input.Bucket), String(input.Key))
    return { TagSet: tagSet(object.tags) }
  },
}
