import { StoreMissingReference } from '../../../store/index.js'
import type { Operation } from '../../operation.js'
import { requireBucket } from '../buckets.js'
import { invalidArgument, noSuchUpload } from '../errors.js'
import { bodyBytes, md5Etag } from '../objects.js'
import { objectAction } from '../operation-helpers.js'
import { requireUpload } from '../uploads.js'

/** S3 UploadPart: stores one part (1–10000; a part sent again replaces the earlier one). */
export const uploadPart: Operation = {
  unsigned: true,
  authorize: objectAction('s3:PutObject'),
  async run(ctx, input) {
    const bucket = await requireBucket(ctx.store, String(input.Bucket))
    const partNumber = input.PartNumber
    if (
      typeof partNumber !== 'number' ||
      !Number.isInteger(partNumber) ||
      partNumber < 1 ||
      partNumber > 10_000
    )
      throw invalidArgument('Part number must be an integer between 1 and 10000, inclusive')
    const upload = await requireUpload(ctx, bucket.id, String(input.Key), input.UploadId)
    const bytes = bodyBytes(input)
    const etag = md5Etag(bytes)
    const blobId = await ctx.store.blobs.put(bytes)
    let replaced: string | undefined
    try {
      replaced = await ctx.store.s3Uploads.putPart({
        uploadId: upload.uploadId,
        partNumber,
        blobId,
        size: bytes.length,
        etag,
        lastModified: ctx.now,
      })
    } catch (error) {
      await ctx.store.blobs.delete(blobId)
      // The upload was completed or aborted while the part was on its way.
      if (error instanceof StoreMissingReference) throw noSuchUpload()
      throw error
    }
    if (replaced !== undefined) await ctx.store.blobs.delete(replaced)
    return { ETag: etag }
  },
}
