import type { S3UploadRecord } from '../../store/index.js'
import type { OperationContext } from '../operation.js'
import { noSuchUpload } from './errors.js'

/** A new multipart upload id: 48 random bytes, URL-safe. */
export const newUploadId = (ctx: OperationContext): string =>
  Buffer.from(ctx.random(48)).toString('base64url')

/** The upload `uploadId` of this bucket and key; NoSuchUpload otherwise. */
export async function requireUpload(
  ctx: OperationContext,
  bucket: string,
  key: string,
  uploadId: unknown,
): Promise<S3UploadRecord> {
  const upload = typeof uploadId === 'string' ? await ctx.store.s3Uploads.get(uploadId) : undefined
  if (upload === undefined || upload.bucket !== bucket || upload.key !== key) throw noSuchUpload()
  return upload
}
