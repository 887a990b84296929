import type { Operation } from '../../operation.js'
import { existingObjectTagContext, s3Authorization } from '../authz.js'
import { requireBucket } from '../buckets.js'
import { noSuchKey } from '../errors.js'

/** S3 DeleteObjectTagging: removes every tag of the object. */
export const deleteObjectTagging: Operation = {
  unsigned: true,
  async authorize(ctx, input) {
    const bucket = String(input.Bucket)
    const key = String(input.Key)
    const existing = await ctx.store.s3Objects.get(bucket, key)
    const context = existingObjectTagContext(existing?.tags ?? [])
    return [await s3Authorization(ctx, { action: 's3:DeleteObjectTagging', bucket, key, context })]
  },
  async run(ctx, input) {
    await requireBucket(ctx.store, String(input.Bucket))
    if (!(await ctx.store.s3Objects.setTags(String(input.Bucket), String(input.Key), []))) throw noSuchKey()
    return {}
  },
}
