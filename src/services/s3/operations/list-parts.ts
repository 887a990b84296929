import type { Operation } from '../../operation.js'
import { requireBucket } from '../buckets.js'
import { objectAction } from '../operation-helpers.js'
import { ownerOf } from '../owner.js'
import { requireUpload } from '../uploads.js'

/** S3 ListParts: the parts uploaded so far, by part number, paged by PartNumberMarker. */
export const listParts: Operation = {
  unsigned: true,
  readOnly: true,
  authorize: objectAction('s3:ListMultipartUploadParts'),
  async run(ctx, input) {
    const bucket = await requireBucket(ctx.store, String(input.Bucket))
    const key = String(input.Key)
    const upload = await requireUpload(ctx, bucket.id, key, input.UploadId)
    const marker = Number(input.PartNumberMarker ?? 0) || 0
    const maxParts = Math.min(typeof input.MaxParts === 'number' ? input.MaxParts : 1000, 1000)
    const page = await ctx.store.s3Uploads.listParts(upload.uploadId, marker, maxParts + 1)
    const parts = page.slice(0, maxParts)
    const truncated = page.length > maxParts
    return {
      Bucket: bucket.id,
      Key: key,
      UploadId: upload.uploadId,
      PartNumberMarker: String(marker),
      ...(truncated ? { NextPartNumberMarker: String(parts.at(-1)!.partNumber) } : {}),
      MaxParts: maxParts,
      IsTruncated: truncated,
      Parts: parts.map((part) => ({
        PartNumber: part.partNumber,
        LastModified: part.lastModified,
        ETag: part.etag,
        Size: part.size,
      })),
      Initiator: { ID: upload.initiator, DisplayName: upload.initiator },
      Owner: ownerOf(upload.accountId),
      StorageClass: upload.headers.storageClass ?? 'STANDARD',
    }
  },
}
