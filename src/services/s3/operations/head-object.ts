import type { Operation } from '../../operation.js'
import { existingObjectTagContext, missingKeyAuthorization, s3Authorization } from '../authz.js'
import { requireBucket } from '../buckets.js'
import { checkConditions } from '../conditions.js'
import { objectHeaderOutput, requireObject } from '../objects.js'

/** S3 HeadObject: the object's headers without its bytes; AWS authorizes it as s3:GetObject. */
export const headObject: Operation = {
  unsigned: true,
  readOnly: true,
  async authorize(ctx, input) {
    const bucket = String(input.Bucket)
    const key = String(input.Key)
    const existing = await ctx.store.s3Objects.get(bucket, key)
    const context = existingObjectTagContext(existing?.tags ?? [])
    return [
      await s3Authorization(ctx, { action: 's3:GetObject', bucket, key, context }),
      ...(existing === undefined ? [await missingKeyAuthorization(ctx, bucket)] : []),
    ]
  },
  async run(ctx, input) {
    await requireBucket(ctx.store, String(input.Bucket))
    const object = await requireObject(ctx, String(input.Bucket), String(input.Key))
    checkConditions(input, object)
    return objectHeaderOutput(object)
  },
}
