import type { Operation } from '../../operation.js'
import { listObjectsAuthorization } from '../authz.js'
import { requireBucket } from '../buckets.js'
import { keyListing, listedObject, listKeys } from '../listing.js'
import { ownerOf } from '../owner.js'

/** S3 ListObjects (v1): Marker paging; AWS: NextMarker only when a delimiter was given. */
export const listObjects: Operation = {
  unsigned: true,
  readOnly: true,
  authorize: listObjectsAuthorization,
  async run(ctx, input) {
    const bucket = await requireBucket(ctx.store, String(input.Bucket))
    const marker = typeof input.Marker === 'string' && input.Marker !== '' ? input.Marker : undefined
    const listing = keyListing(bucket.id, input, marker)
    const { prefix, delimiter, maxKeys } = listing
    const listed = await listKeys(ctx.store, listing)
    const owner = ownerOf(bucket.accountId)
    return {
      Name: bucket.id,
      Prefix: prefix,
      Marker: marker ?? '',
      MaxKeys: maxKeys,
      ...(delimiter === undefined ? {} : { Delimiter: delimiter }),
      IsTruncated: listed.truncated,
      ...(listed.truncated && delimiter !== undefined && listed.last !== undefined
        ? { NextMarker: listed.last }
        : {}),
      Contents: listed.contents.map((object) => listedObject(object, owner)),
      CommonPrefixes: listed.commonPrefixes.map((p) => ({ Prefix: p })),
    }
  },
}
