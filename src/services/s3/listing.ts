import type { S3ObjectRecord, Store } from '../../store/index.js'

/** What a ListObjects call asks for. */
export interface KeyListing {
  readonly bucket: string
  readonly prefix: string
  readonly delimiter?: string
  /** Only keys (and common prefixes) after this one. */
  readonly after?: string
  readonly maxKeys: number
}

/** One page of a listing: objects and common prefixes in key order. */
export interface ListedKeys {
  readonly contents: readonly S3ObjectRecord[]
  readonly commonPrefixes: readonly string[]
  readonly truncated: boolean
  /** The last key or common prefix returned; where the next page starts. */
  readonly last?: string
}

const BATCH = 1000

/** The common prefix a key rolls up into under `prefix` and `delimiter`, if any. */
function commonPrefixOf(key: string, prefix: string, delimiter: string | undefined): string | undefined {
  if (delimiter === undefined || delimiter === '' || !key.startsWith(prefix)) return undefined
  const at = key.indexOf(delimiter, prefix.length)
  return at < 0 ? undefined : key.slice(0, at + delimiter.length)
}

/**
 * Lists keys the way S3 does: byte order, `prefix` filtering, keys sharing a segment up to the `delimiter`
 * rolled up into one common prefix (counted once toward `maxKeys`), resuming after `after`.
 */
export async function listKeys(store: Store, listing: KeyListing): Promise<ListedKeys> {
  const { bucket, prefix, delimiter, maxKeys } = listing
  const contents: S3ObjectRecord[] = []
  const commonPrefixes: string[] = []
  let last: string | undefined
  // A marker that is itself a common prefix means that prefix was already returned.
  let lastPrefix = listing.after === undefined ? undefined : commonPrefixOf(listing.after, prefix, delimiter)
  let cursor = listing.after
  if (maxKeys <= 0) return { contents, commonPrefixes, truncated: false }
  for (;;) {
    const batch = await store.s3Objects.list({
      bucket,
      prefix,
      limit: BATCH,
      ...(cursor === undefined ? {} : { after: cursor }),
    })
    for (const object of batch) {
      cursor = object.key
      const common = commonPrefixOf(object.key, prefix, delimiter)
      if (common !== undefined && common === lastPrefix) continue
      if (contents.length + commonPrefixes.length === maxKeys)
        return { contents, commonPrefixes, truncated: true, last }
      if (common !== undefined) {
        commonPrefixes.push(common)
        lastPrefix = common
        last = common
      } else {
        contents.push(object)
        last = object.key
      }
    }
    if (batch.length < BATCH)
      return { contents, commonPrefixes, truncated: false, ...(last === undefined ? {} : { last }) }
  }
}

/** A listed object as ListObjects and ListObjectsV2 answer it. */
export function listedObject(object: S3ObjectRecord, owner?: { ID: string; DisplayName: string }) {
  return {
    Key: object.key,
    LastModified: object.lastModified,
    ETag: object.etag,
    Size: object.size,
    StorageClass: object.headers.storageClass ?? 'STANDARD',
    ...(owner === undefined ? {} : { Owner: owner }),
  }
}

/**
 * What a ListObjects or ListObjectsV2 call asks of `bucket`: its Prefix (default empty), its Delimiter (an empty
 * one is none) and its MaxKeys (default and at most 1000), resuming after `after`.
 */
export function keyListing(
  bucket: string,
  input: Record<string, unknown>,
  after: string | undefined,
): KeyListing {
  const delimiter =
    typeof input.Delimiter === 'string' && input.Delimiter !== '' ? input.Delimiter : undefined
  return {
    bucket,
    prefix: typeof input.Prefix === 'string' ? input.Prefix : '',
    maxKeys: Math.min(typeof input.MaxKeys === 'number' ? input.MaxKeys : 1000, 1000),
    ...(delimiter === undefined ? {} : { delimiter }),
    ...(after === undefined ? {} : { after }),
  }
}
