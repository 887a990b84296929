import type { Operation } from '../../operation.js'
import { listingContext, s3Authorization } from '../authz.js'
import { requireBucket } from '../buckets.js'
import { listedObject, listKeys } from '../listing.js'
import { ownerOf } from '../owner.js'

/** S3 ListObjects (v1): Marker paging; AWS: NextMarker only when a delimiter was given. */
export const listObjects: Operation = {
  unsigned: true,
  readOnly: true,
  async authorize(ctx, input) {
    return [
      await s3Authorization(ctx, {
        action: 's3:ListBucket',
        bucket: String(input.Bucket),
        context: listingContext(input),
      }),
    ]
  },
  async run(ctx, input) {
    const bucket = await requireBucket(ctx.store, String(input.Bucket))
    const prefix = typeof input.Prefix === 'string' ? input.Prefix : ''
    const delimiter =
      typeof input.Delimiter === 'string' && input.Delimiter !== '' ? input.Delimiter : undefined
    const marker = typeof input.Marker === 'string' && input.Marker !== '' ? input.Marker : undefined
    const maxKeys = Math.min(typeof input.MaxKeys === 'number' ? input.MaxKeys : 1000, 1000)
    const listed = await listKeys(ctx.store, {
      bucket: bucket.id,
      prefix,
      maxKeys,
      ...(delimiter === undefined ? {} : { delimiter }),
      ...(marker === undefined ? {} : { after: marker }),
    })
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
