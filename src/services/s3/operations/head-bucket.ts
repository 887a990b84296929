import type { Operation } from '../../operation.js'
import { requireBucket } from '../buckets.js'
import { bucketAction } from '../operation-helpers.js'

/** S3 HeadBucket: 200 when the bucket exists and the caller may list it. */
export const headBucket: Operation = {
  unsigned: true,
  readOnly: true,
  authorize: bucketAction('s3:ListBucket'),
  async run(ctx, input) {
    await requireBucket(ctx.store, String(input.Bucket))
    return {}
  },
}
