import type { Operation } from '../../operation.js'
import { readObjectAuthorizations } from '../authz.js'
import { requireBucket } from '../buckets.js'
import { checkConditions } from '../conditions.js'
import { objectHeaderOutput, requireObject } from '../objects.js'

/** S3 HeadObject: the object's headers without its bytes; AWS authorizes it as s3:GetObject. */
export const headObject: Operation = {
  unsigned: true,
  readOnly: true,
  authorize: (ctx, input) => readObjectAuthorizations(ctx, String(input.Bucket), String(input.Key)),
  async run(ctx, input) {
    await requireBucket(ctx.store, String(input.Bucket))
    const object = await requireObject(ctx, String(input.Bucket), String(input.Key))
    checkConditions(input, object)
    return objectHeaderOutput(object)
  },
}
