import { createHash } from 'node:crypto'
import { AwsError } from '../../../kernel/aws-error.js'
import type { S3ObjectRecord, S3PartRecord } from '../../../store/index.js'
import type { Operation, OperationContext } from '../../operation.js'
import { requireBucket } from '../buckets.js'
import { objectAction } from '../operation-helpers.js'
import { requireUpload } from '../uploads.js'

/** AWS: every part but the last is at least 5 MiB. */
const MIN_PART_SIZE = 5 * 1024 * 1024

const invalidPart = (): AwsError =>
  new AwsError(
    'InvalidPart',
    400,
    "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
  )

/** The stored parts the request names, in order, checked the way S3 checks them. */
function chosenParts(
  requested: readonly { PartNumber?: number; ETag?: string }[],
  stored: readonly S3PartRecord[],
) {
  if (requested.length === 0)
    throw new AwsError(
      'MalformedXML',
      400,
      'The XML you provided was not well-formed or did not validate against our published schema',
    )
  const byNumber = new Map(stored.map((part) => [part.partNumber, part]))
  const chosen: S3PartRecord[] = []
  let previous = 0
  for (const { PartNumber, ETag } of requested) {
    if (PartNumber === undefined || PartNumber <= previous)
      throw new AwsError(
        'InvalidPartOrder',
        400,
        'The list of parts was not in ascending order. The parts list must be specified in order by part number.',
      )
    previous = PartNumber
    const part = byNumber.get(PartNumber)
    const etag = ETag?.startsWith('"') ? ETag : `"${ETag}"`
    if (part === undefined || part.etag !== etag) throw invalidPart()
    chosen.push(part)
  }
  if (chosen.slice(0, -1).some((part) => part.size < MIN_PART_SIZE))
    throw new AwsError(
      'EntityTooSmall',
      400,
      'Your proposed upload is smaller than the minimum allowed object size.',
    )
  return chosen
}

async function allParts(ctx: OperationContext, uploadId: string): Promise<S3PartRecord[]> {
  const parts: S3PartRecord[] = []
  for (;;) {
    const page = await ctx.store.s3Uploads.listParts(uploadId, parts.at(-1)?.partNumber ?? 0, 1000)
    parts.push(...page)
    if (page.length < 1000) return parts
  }
}

/** S3's multipart ETag: the MD5 of the parts' binary MD5s, then `-<part count>`. */
function multipartEtag(parts: readonly S3PartRecord[]): string {
  const hash = createHash('md5')
  for (const part of parts) hash.update(Buffer.from(part.etag.slice(1, -1), 'hex'))
  return `"${hash.digest('hex')}-${parts.length}"`
}

/**
 * S3 CompleteMultipartUpload: joins the named parts into the object. The joined bytes are durable before the
 * object row is written and the upload removed, in one transaction; the parts' bytes go last.
 */
export const completeMultipartUpload: Operation = {
  unsigned: true,
  authorize: objectAction('s3:PutObject'),
  async run(ctx, input) {
    const bucket = await requireBucket(ctx.store, String(input.Bucket))
    const key = String(input.Key)
    const upload = await requireUpload(ctx, bucket.id, key, input.UploadId)
    const requested = ((input.MultipartUpload ?? {}) as { Parts?: { PartNumber?: number; ETag?: string }[] })
      .Parts
    const parts = chosenParts(requested ?? [], await allParts(ctx, upload.uploadId))
    const chunks: Uint8Array[] = []
    for (const part of parts) {
      const bytes = await ctx.store.blobs.get(part.blobId)
      if (bytes === undefined) throw invalidPart()
      chunks.push(bytes)
    }
    const bytes = Buffer.concat(chunks)
    const blobId = await ctx.store.blobs.put(bytes)
    const etag = multipartEtag(parts)
    const record: S3ObjectRecord = {
      bucket: bucket.id,
      key,
      accountId: bucket.accountId,
      blobId,
      size: bytes.length,
      etag,
      lastModified: ctx.now,
      partsCount: parts.length,
      headers: upload.headers,
      tags: upload.tags,
    }
    let obsolete: readonly string[]
    try {
      obsolete = await ctx.store.transaction(async (tx) => {
        const partBlobs = await tx.s3Uploads.delete(upload.uploadId)
        if (partBlobs === undefined)
          throw new AwsError(
            'NoSuchUpload',
            404,
            'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
          )
        const replaced = await tx.s3Objects.put(record)
        return replaced === undefined ? partBlobs : [...partBlobs, replaced.blobId]
      })
    } catch (error) {
      await ctx.store.blobs.delete(blobId)
      throw error
    }
    for (const id of obsolete) await ctx.store.blobs.delete(id)
    return { Location: `/${bucket.id}/${key}`, Bucket: bucket.id, Key: key, ETag: etag }
  },
}
