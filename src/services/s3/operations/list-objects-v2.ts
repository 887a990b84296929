import type { Operation } from '../../operation.js'
import { listingContext, s3Authorization } from '../authz.js'
import { requireBucket } from '../buckets.js'
import { invalidArgument } from '../errors.js'
import { listedObject, listKeys } from '../listing.js'
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
    const token = typeof input.ContinuationToken === 'string' ? input.ContinuationToken : undefined
    const startAfter =
      typeof input.StartAfter === 'string' && input.StartAfter !== '' ? input.StartAfter : undefined
    const maxKeys = Math.min(typeof input.MaxKeys === 'number' ? input.MaxKeys : 1000, 1000)
    const after = token !== undefined ? decodeToken(token) : startAfter
    const listed = await listKeys(ctx.store, {
      bucket: bucket.id,
      prefix,
      maxKeys,
      ...(delimiter === undefined ? {} : { delimiter }),
      ...(after === undefined ? {} : { after }),
    })
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
