import type { Operation } from '../../operation.js'
import { listObjectsAuthorization } from '../authz.js'
import { requireBucket } from '../buckets.js'
import { invalidArgument } from '../errors.js'
import { keyListing, listedObject, listKeys } from '../listing.js'
import { ownerOf } from '../owner.js'

const TOKEN_PREFIX = 'lanyard:'

const encodeToken = (after: string): string =>
  Buffer.from(`${TOKEN_PREFIX}${after}`, 'utf8').toString('base64')

function decodeToken(token: string): string {
  const text = Buffer.from(token, 'base64').toString('utf8')
  // AWS: a continuation token S3 did not make.
  if (!text.startsWith(TOKEN_PREFIX)) throw invalidArgument('The continuation token provided is incorrect')
  return text.slice(TOKEN_PREFIX.length)
}

/** S3 ListObjectsV2: continuation tokens, StartAfter, KeyCount, Owner only with FetchOwner. */
export const listObjectsV2: Operation = {
  unsigned: true,
  readOnly: true,
  authorize: listObjectsAuthorization,
  async run(ctx, input) {
    const bucket = await requireBucket(ctx.store, String(input.Bucket))
    const token = typeof input.ContinuationToken === 'string' ? input.ContinuationToken : undefined
    const startAfter =
      typeof input.StartAfter === 'string' && input.StartAfter !== '' ? input.StartAfter : undefined
    const listing = keyListing(bucket.id, input, token !== undefined ? decodeToken(token) : startAfter)
    const { prefix, delimiter, maxKeys } = listing
    const listed = await listKeys(ctx.store, listing)
    const owner = input.FetchOwner === true ? ownerOf(bucket.accountId) : undefined
    return {
      Name: bucket.id,
      Prefix: prefix,
      MaxKeys: maxKeys,
      KeyCount: listed.contents.length + listed.commonPrefixes.length,
      ...(delimiter === undefined ? {} : { Delimiter: delimiter }),
      ...(token === undefined ? {} : { ContinuationToken: token }),
      ...(startAfter === undefined ? {} : { StartAfter: startAfter }),
      IsTruncated: listed.truncated,
      ...(listed.truncated && listed.last !== undefined
        ? { NextContinuationToken: encodeToken(listed.last) }
        : {}),
      Contents: listed.contents.map((object) => listedObject(object, owner)),
      CommonPrefixes: listed.commonPrefixes.map((p) => ({ Prefix: p })),
    }
  },
}
