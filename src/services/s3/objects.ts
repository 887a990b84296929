import { createHash } from 'node:crypto'
import type { S3ObjectHeaders, S3ObjectRecord } from '../../store/index.js'
import type { OperationContext } from '../operation.js'
import { noSuchKey } from './errors.js'

/** S3's ETag of single-part content: the quoted hex MD5. */
export const md5Etag = (bytes: Uint8Array): string => `"${createHash('md5').update(bytes).digest('hex')}"`

/** The system metadata a PutObject, CopyObject or CreateMultipartUpload input sets. */
export function headersFromInput(input: Record<string, unknown>): S3ObjectHeaders {
  const text = (name: string): string | undefined =>
    typeof input[name] === 'string' ? input[name] : undefined
  // AWS: aws-chunked is how the body travelled, not how it is stored.
  const encoding = text('ContentEncoding')
    ?.split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '' && e.toLowerCase() !== 'aws-chunked')
    .join(',')
  const expires = input.Expires instanceof Date ? input.Expires.toUTCString() : text('Expires')
  const headers: Record<string, unknown> = {
    contentType: text('ContentType') ?? 'binary/octet-stream',
    contentEncoding: encoding === '' ? undefined : encoding,
    contentDisposition: text('ContentDisposition'),
    contentLanguage: text('ContentLanguage'),
    cacheControl: text('CacheControl'),
    expires,
    storageClass: text('StorageClass'),
    serverSideEncryption: text('ServerSideEncryption'),
    metadata: lowerKeys((input.Metadata ?? {}) as Record<string, string>),
  }
  for (const key of Object.keys(headers)) if (headers[key] === undefined) delete headers[key]
  return headers as unknown as S3ObjectHeaders
}

const lowerKeys = (map: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [k.toLowerCase(), v]))

/** The header members GetObject and HeadObject answer for an object. */
export function objectHeaderOutput(object: S3ObjectRecord): Record<string, unknown> {
  const h = object.headers
  const output: Record<string, unknown> = {
    AcceptRanges: 'bytes',
    LastModified: object.lastModified,
    ContentLength: object.size,
    ETag: object.etag,
    ContentType: h.contentType,
    ContentEncoding: h.contentEncoding,
    ContentDisposition: h.contentDisposition,
    ContentLanguage: h.contentLanguage,
    CacheControl: h.cacheControl,
    Expires: h.expires === undefined ? undefined : new Date(h.expires),
    ServerSideEncryption: h.serverSideEncryption,
    Metadata: h.metadata,
    StorageClass: h.storageClass === 'STANDARD' ? undefined : h.storageClass,
  }
  for (const key of Object.keys(output)) if (output[key] === undefined) delete output[key]
  return output
}

/**
 * Stores an object: the bytes first (durable when `put` resolves), then the metadata row that names them; the
 * bytes of the object it replaced go last. A crash in between leaves at most unreferenced bytes, never a row
 * naming missing ones.
 */
export async function storeObject(
  ctx: OperationContext,
  object: Omit<S3ObjectRecord, 'blobId'>,
  bytes: Uint8Array,
): Promise<S3ObjectRecord> {
  const blobId = await ctx.store.blobs.put(bytes)
  const record: S3ObjectRecord = Object.assign({}, object, { blobId })
  let replaced: S3ObjectRecord | undefined
  try {
    replaced = await ctx.store.s3Objects.put(record)
  } catch (error) {
    await ctx.store.blobs.delete(blobId).catch(() => undefined)
    throw error
  }
  if (replaced !== undefined && replaced.blobId !== blobId) await ctx.store.blobs.delete(replaced.blobId)
  return record
}

/** The object with its bytes; NoSuchKey when either is gone (read again once if a concurrent write replaced it). */
export async function readObject(
  ctx: OperationContext,
  bucket: string,
  key: string,
): Promise<{ readonly object: S3ObjectRecord; readonly bytes: Uint8Array }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const object = await ctx.store.s3Objects.get(bucket, key)
    if (object === undefined) break
    const bytes = await ctx.store.blobs.get(object.blobId)
    if (bytes !== undefined) return { object, bytes }
  }
  throw noSuchKey()
}

/** The object's metadata; NoSuchKey when there is none. */
export async function requireObject(
  ctx: OperationContext,
  bucket: string,
  key: string,
): Promise<S3ObjectRecord> {
  const object = await ctx.store.s3Objects.get(bucket, key)
  if (object === undefined) throw noSuchKey()
  return object
}

/** The input's body as bytes (the model reads a blob payload as the raw body). */
export function bodyBytes(input: Record<string, unknown>): Uint8Array {
  const body = input.Body
  if (body instanceof Uint8Array) return body
  if (typeof body === 'string') return Buffer.from(body, 'utf8')
  return new Uint8Array(0)
}
