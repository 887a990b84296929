import { AwsError } from '../../../kernel/aws-error.js'
import type { Operation } from '../../operation.js'
import { s3Authorization } from '../authz.js'
import { findBucket, requireBucket } from '../buckets.js'

interface DeleteInput {
  readonly Objects?: readonly { readonly Key?: string }[]
  readonly Quiet?: boolean
}

const keysOf = (input: Record<string, unknown>): string[] => {
  const keys = ((input.Delete ?? {}) as DeleteInput).Objects?.map((o) => String(o.Key ?? '')) ?? []
  // AWS: at most 1000 keys per request.
  if (keys.length === 0 || keys.length > 1000)
    throw new AwsError(
      'MalformedXML',
      400,
      'The XML you provided was not well-formed or did not validate against our published schema',
    )
  return keys
}

/** S3 DeleteObjects: up to 1000 keys; each needs s3:DeleteObject. Quiet mode lists only errors. */
export const deleteObjects: Operation = {
  unsigned: true,
  async authorize(ctx, input) {
    const bucket = String(input.Bucket)
    const loaded = await findBucket(ctx.store, bucket)
    const keys = [...new Set(keysOf(input))]
    return Promise.all(
      keys.map((key) => s3Authorization(ctx, { action: 's3:DeleteObject', bucket, key, loaded })),
    )
  },
  async run(ctx, input) {
    const bucket = await requireBucket(ctx.store, String(input.Bucket))
    const quiet = ((input.Delete ?? {}) as DeleteInput).Quiet === true
    const deleted: { Key: string }[] = []
    for (const key of keysOf(input)) {
      const removed = await ctx.store.s3Objects.delete(bucket.id, key)
      if (removed !== undefined) await ctx.store.blobs.delete(removed.blobId)
      deleted.push({ Key: key })
    }
    return { Deleted: quiet ? [] : deleted, Errors: [] }
  },
}
