import type { Tag } from './records.js'

/** The system metadata of an S3 object or upload: what PutObject's headers set. */
export interface S3ObjectHeaders {
  readonly contentType?: string
  readonly contentEncoding?: string
  readonly contentDisposition?: string
  readonly contentLanguage?: string
  readonly cacheControl?: string
  readonly expires?: string
  readonly storageClass?: string
  readonly serverSideEncryption?: string
  /** `x-amz-meta-*` values by lower-case name, without the prefix. */
  readonly metadata: Readonly<Record<string, string>>
  /** Checksums sent with the upload, by algorithm (`CRC32`, `SHA256`, …), base64. */
  readonly checksums?: Readonly<Record<string, string>>
}

/** One S3 object: its metadata row; its bytes live in the blob store under `blobId`. */
export interface S3ObjectRecord {
  readonly bucket: string
  readonly key: string
  readonly accountId: string
  readonly blobId: string
  readonly size: number
  /** The quoted ETag, as S3 answers it. */
  readonly etag: string
  readonly lastModified: Date
  /** The number of parts of a multipart object; absent for single uploads. */
  readonly partsCount?: number
  readonly headers: S3ObjectHeaders
  readonly tags: readonly Tag[]
}

/** A multipart upload in progress. */
export interface S3UploadRecord {
  readonly uploadId: string
  readonly bucket: string
  readonly key: string
  readonly accountId: string
  /** The ARN of the caller that created it. */
  readonly initiator: string
  readonly initiated: Date
  readonly headers: S3ObjectHeaders
  readonly tags: readonly Tag[]
}

/** One uploaded part of a multipart upload. */
export interface S3PartRecord {
  readonly uploadId: string
  readonly partNumber: number
  readonly blobId: string
  readonly size: number
  readonly etag: string
  readonly lastModified: Date
}

/** Which keys of a bucket `list` returns: keys above `after` that start with `prefix`, ordered byte-wise. */
export interface S3KeyQuery {
  readonly bucket: string
  readonly prefix?: string
  /** Only keys greater than this one. */
  readonly after?: string
  readonly limit: number
}

/** Object metadata; `put` and `delete` answer the replaced row so its bytes can be removed. */
export interface S3ObjectRepository {
  get(bucket: string, key: string): Promise<S3ObjectRecord | undefined>
  /** Stores (or replaces) an object; returns the object it replaced. */
  put(object: S3ObjectRecord): Promise<S3ObjectRecord | undefined>
  /** Deletes an object; returns it, or undefined when it was not there. */
  delete(bucket: string, key: string): Promise<S3ObjectRecord | undefined>
  /** Replaces the tags of an object; false when it is gone. */
  setTags(bucket: string, key: string, tags: readonly Tag[]): Promise<boolean>
  /** Objects in key order. */
  list(query: S3KeyQuery): Promise<readonly S3ObjectRecord[]>
  /** How many objects a bucket holds. */
  count(bucket: string): Promise<number>
}

/** Multipart uploads and their parts. */
export interface S3UploadRepository {
  create(upload: S3UploadRecord): Promise<void>
  get(uploadId: string): Promise<S3UploadRecord | undefined>
  /** Deletes an upload with its parts; returns the parts' blob ids. */
  delete(uploadId: string): Promise<readonly string[] | undefined>
  /** Stores (or replaces) a part; returns the blob id of the part it replaced. */
  putPart(part: S3PartRecord): Promise<string | undefined>
  /** Parts in part-number order, above `after`. */
  listParts(uploadId: string, after: number, limit: number): Promise<readonly S3PartRecord[]>
  /** Uploads of a bucket ordered by key, then upload id, after (`key`, `uploadId`). */
  list(query: S3KeyQuery & { readonly afterUploadId?: string }): Promise<readonly S3UploadRecord[]>
}

/**
 * Object bytes, outside the database transaction: `put` is durable (and the bytes complete) when it resolves,
 * so a metadata row written after it never names missing or half-written bytes.
 */
export interface BlobStore {
  /** Stores bytes under a new id and answers the id. */
  put(bytes: Uint8Array): Promise<string>
  /** The bytes of a blob; undefined when there is no such blob. */
  get(id: string): Promise<Uint8Array | undefined>
  /** Removes a blob; nothing happens when it is not there. */
  delete(id: string): Promise<void>
}
