import type { Operation } from '../../operation.js'
import { requireBucket } from '../buckets.js'
import { bucketAction } from '../operation-helpers.js'

/** AWS: since January 2023 every bucket without its own rules encrypts with SSE-S3 (AES256). */
const DEFAULT_ENCRYPTION = {
  Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }],
}

/** S3 GetBucketEncryption: the stored rules, or AWS's default SSE-S3 rule. */
export const getBucketEncryption: Operation = {
  unsigned: true,
  readOnly: true,
  authorize: bucketAction('s3:GetEncryptionConfiguration'),
  async run(ctx, input) {
    const bucket = await requireBucket(ctx.store, String(input.Bucket))
    return { ServerSideEncryptionConfiguration: bucket.attributes.encryption ?? DEFAULT_ENCRYPTION }
  },
}
