import type { Operation } from '../../operation.js'
import { requireBucket } from '../buckets.js'
import { headersFromInput } from '../objects.js'
import { tagsFromHeader } from '../tagging.js'
import { newUploadId } from '../uploads.js'
import { putAuthorizations } from './put-object.js'

/** S3 CreateMultipartUpload: an upload id; AWS authorizes it as s3:PutObject. */
export const createMultipartUpload: Operation = {
  unsigned: true,
  authorize: putAuthorizations,
  async run(ctx, input) {
    const bucket = await requireBucket(ctx.store, String(input.Bucket))
    const uploadId = newUploadId(ctx)
    const key = String(input.Key)
    await ctx.store.s3Uploads.create({
      uploadId,
      bucket: bucket.id,
      key,
      accountId: bucket.accountId,
      initiator: ctx.caller?.principal.arn ?? 'anonymous',
      initiated: ctx.now,
      headers: headersFromInput(input),
      tags: tagsFromHeader(input.Tagging) ?? [],
    })
    return { Bucket: bucket.id, Key: key, UploadId: uploadId }
  },
}
