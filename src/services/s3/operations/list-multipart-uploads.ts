import type { Operation } from '../../operation.js'
import { requireBucket } from '../buckets.js'
import { bucketAction } from '../operation-helpers.js'
import { ownerOf } from '../owner.js'

/** S3 ListMultipartUploads: uploads in progress by key, then upload id; paged by KeyMarker and UploadIdMarker. */
export const listMultipartUploads: Operation = {
  unsigned: true,
  readOnly: true,
  authorize: bucketAction('s3:ListBucketMultipartUploads'),
  async run(ctx, input) {
    const bucket = await requireBucket(ctx.store, String(input.Bucket))
    const prefix = typeof input.Prefix === 'string' ? input.Prefix : ''
    const keyMarker =
      typeof input.KeyMarker === 'string' && input.KeyMarker !== '' ? input.KeyMarker : undefined
    const uploadIdMarker =
      keyMarker !== undefined && typeof input.UploadIdMarker === 'string' && input.UploadIdMarker !== ''
        ? input.UploadIdMarker
        : undefined
    const maxUploads = Math.min(typeof input.MaxUploads === 'number' ? input.MaxUploads : 1000, 1000)
    const page = await ctx.store.s3Uploads.list({
      bucket: bucket.id,
      prefix,
      limit: maxUploads + 1,
      ...(keyMarker === undefined ? {} : { after: keyMarker }),
      ...(uploadIdMarker === undefined ? {} : { afterUploadId: uploadIdMarker }),
    })
    const uploads = page.slice(0, maxUploads)
    const truncated = page.length > maxUploads
    const last = uploads.at(-1)
    return {
      Bucket: bucket.id,
      KeyMarker: keyMarker ?? '',
      UploadIdMarker: uploadIdMarker ?? '',
      ...(truncated && last !== undefined
        ? { NextKeyMarker: last.key, NextUploadIdMarker: last.uploadId }
        : {}),
      Prefix: prefix,
      MaxUploads: maxUploads,
      IsTruncated: truncated,
      Uploads: uploads.map((upload) => ({
        UploadId: upload.uploadId,
        Key: upload.key,
        Initiated: upload.initiated,
        StorageClass: upload.headers.storageClass ?? 'STANDARD',
        Owner: ownerOf(upload.accountId),
        Initiator: { ID: upload.initiator, DisplayName: upload.initiator },
      })),
    }
  },
}
