import { AwsError } from '../../../kernel/aws-error.js'
import type { Operation } from '../../operation.js'
import { readObjectAuthorizations } from '../authz.js'
import { requireBucket } from '../buckets.js'
import { parseCopySource } from '../copy-source.js'
import { headersFromInput, readObject, storeObject } from '../objects.js'
import { tagsFromHeader } from '../tagging.js'
import { putAuthorizations } from './put-object.js'

/**
 * S3 CopyObject: s3:GetObject on the source and s3:PutObject on the target. Metadata and tags are copied
 * unless the MetadataDirective or TaggingDirective is REPLACE.
 */
export const copyObject: Operation = {
  unsigned: true,
  async authorize(ctx, input) {
    const source = parseCopySource(input.CopySource)
    return [
      ...(await readObjectAuthorizations(ctx, source.bucket, source.key)),
      ...(await putAuthorizations(ctx, input)),
    ]
  },
  async run(ctx, input) {
    const source = parseCopySource(input.CopySource)
    const target = await requireBucket(ctx.store, String(input.Bucket))
    await requireBucket(ctx.store, source.bucket)
    const { object, bytes } = await readObject(ctx, source.bucket, source.key)
    const key = String(input.Key)
    const replaceMetadata = input.MetadataDirective === 'REPLACE'
    const replaceTags = input.TaggingDirective === 'REPLACE'
    if (
      source.bucket === target.id &&
      source.key === key &&
      !replaceMetadata &&
      input.StorageClass === undefined
    )
      throw new AwsError(
        'InvalidRequest',
        400,
        "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
      )
    const stored = await storeObject(
      ctx,
      {
        bucket: target.id,
        key,
        accountId: target.accountId,
        size: object.size,
        etag: object.etag,
        lastModified: ctx.now,
        ...(object.partsCount === undefined ? {} : { partsCount: object.partsCount }),
        headers: replaceMetadata ? headersFromInput(input) : object.headers,
        tags: replaceTags ? (tagsFromHeader(input.Tagging) ?? []) : object.tags,
      },
      bytes,
    )
    return { CopyObjectResult: { ETag: stored.etag, LastModified: stored.lastModified } }
  },
}
