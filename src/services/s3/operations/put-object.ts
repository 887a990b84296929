import { createHash } from 'node:crypto'
import { AwsError } from '../../../kernel/aws-error.js'
import type { ContextValue } from '../../../policy/index.js'
import type { AuthorizationRequest, Operation, OperationContext } from '../../operation.js'
import { requestObjectTagContext, s3Authorization } from '../authz.js'
import { requireBucket } from '../buckets.js'
import { bodyBytes, headersFromInput, md5Etag, storeObject } from '../objects.js'
import { tagsFromHeader } from '../tagging.js'

/** The header condition keys AWS documents for s3:PutObject. */
export function putHeaderContext(input: Record<string, unknown>): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {}
  if (typeof input.ACL === 'string') context['s3:x-amz-acl'] = input.ACL
  if (typeof input.ServerSideEncryption === 'string')
    context['s3:x-amz-server-side-encryption'] = input.ServerSideEncryption
  if (typeof input.StorageClass === 'string') context['s3:x-amz-storage-class'] = input.StorageClass
  return context
}

/** s3:PutObject on the key, and s3:PutObjectTagging too when the request tags the object (AWS). */
export async function putAuthorizations(
  ctx: OperationContext,
  input: Record<string, unknown>,
): Promise<AuthorizationRequest[]> {
  const tags = tagsFromHeader(input.Tagging)
  const bucket = String(input.Bucket)
  const key = String(input.Key)
  const context = Object.assign(putHeaderContext(input), requestObjectTagContext(tags))
  const requests = [await s3Authorization(ctx, { bucket, key, action: 's3:PutObject', context })]
  if (tags !== undefined)
    requests.push(await s3Authorization(ctx, { bucket, key, action: 's3:PutObjectTagging', context }))
  return requests
}

/** AWS: a Content-MD5 that does not match the body is BadDigest; one that is not an MD5 is InvalidDigest. */
function checkContentMd5(header: unknown, bytes: Uint8Array): void {
  if (typeof header !== 'string') return
  const sent = Buffer.from(header, 'base64')
  if (sent.length !== 16)
    throw new AwsError('InvalidDigest', 400, 'The Content-MD5 you specified was invalid.')
  if (!sent.equals(createHash('md5').update(bytes).digest()))
    throw new AwsError('BadDigest', 400, 'The Content-MD5 you specified did not match what we received.')
}

/** S3 PutObject: stores the body with its metadata and tags; the ETag is the quoted MD5. */
export const putObject: Operation = {
  unsigned: true,
  authorize: putAuthorizations,
  async run(ctx, input) {
    const bucket = await requireBucket(ctx.store, String(input.Bucket))
    const bytes = bodyBytes(input)
    checkContentMd5(input.ContentMD5, bytes)
    const etag = md5Etag(bytes)
    await storeObject(
      ctx,
      {
        bucket: bucket.id,
        key: String(input.Key),
        accountId: bucket.accountId,
        size: bytes.length,
        etag,
        lastModified: ctx.now,
        headers: headersFromInput(input),
        tags: tagsFromHeader(input.Tagging) ?? [],
      },
      bytes,
    )
    return { ETag: etag }
  },
}
