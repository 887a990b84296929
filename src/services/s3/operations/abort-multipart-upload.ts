import type { Operation } from '../../operation.js'
import { requireBucket } from '../buckets.js'
import { noSuchUpload } from '../errors.js'
import { objectAction } from '../operation-helpers.js'
import { requireUpload } from '../uploads.js'

/** S3 AbortMultipartUpload: the upload and its parts are gone. */
export const abortMultipartUpload: Operation = {
  unsigned: true,
  authorize: objectAction('s3:AbortMultipartUpload'),
  async run(ctx, input) {
    const bucket = await requireBucket(ctx.store, String(input.Bucket))
    const upload = await requireUpload(ctx, bucket.id, String(input.Key), input.UploadId)
    const blobs = await ctx.store.s3Uploads.delete(upload.uploadId)
    if (blobs === undefined) throw noSuchUpload()
    for (const id of blobs) await ctx.store.blobs.delete(id)
    return {}
  },
}
