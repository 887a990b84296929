import type { Operation } from '../../operation.js'
import { requireBucket } from '../buckets.js'
import { objectAction } from '../operation-helpers.js'

/** S3 DeleteObject: 204 whether or not the key existed (AWS, unversioned buckets). */
export const deleteObject: Operation = {
  unsigned: true,
  authorize: objectAction('s3:DeleteObject'),
  async run(ctx, input) {
    await requireBucket(ctx.store, String(input.Bucket))
    const deleted = await ctx.store.s3Objects.delete(String(input.Bucket), String(input.Key))
    if (deleted !== undefined) await ctx.store.blobs.delete(deleted.blobId)
    return {}
  },
}
