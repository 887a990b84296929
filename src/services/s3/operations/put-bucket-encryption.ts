import { AwsError } from '../../../kernel/aws-error.js'
import type { Operation } from '../../operation.js'
import { updateBucket } from '../buckets.js'
import { bucketAction } from '../operation-helpers.js'

const ALGORITHMS: ReadonlySet<string> = new Set(['AES256', 'aws:kms', 'aws:kms:dsse'])

/** S3 PutBucketEncryption: stores the default-encryption rules (objects are not encrypted differently for it). */
export const putBucketEncryption: Operation = {
  unsigned: true,
  authorize: bucketAction('s3:PutEncryptionConfiguration'),
  async run(ctx, input) {
    const configuration = (input.ServerSideEncryptionConfiguration ?? {}) as { Rules?: unknown[] }
    for (const rule of configuration.Rules ?? []) {
      const algorithm = (rule as { ApplyServerSideEncryptionByDefault?: { SSEAlgorithm?: unknown } })
        .ApplyServerSideEncryptionByDefault?.SSEAlgorithm
      if (algorithm !== undefined && !ALGORITHMS.has(String(algorithm)))
        throw new AwsError(
          'MalformedXML',
          400,
          'The XML you provided was not well-formed or did not validate against our published schema',
        )
    }
    await updateBucket(
      ctx.store,
      String(input.Bucket),
      (b) => ({ attributes: Object.assign({}, b.attributes, { encryption: configuration }) }),
      ctx.now,
    )
    return {}
  },
}
