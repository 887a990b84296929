import type { Operation } from '../../operation.js'
import type { PublicAccessBlock } from '../buckets.js'
import { updateBucket } from '../buckets.js'
import { bucketAction } from '../operation-helpers.js'

const FLAGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const

/** S3 PutPublicAccessBlock: the bucket's Block Public Access flags (absent flags are false). */
export const putPublicAccessBlock: Operation = {
  unsigned: true,
  authorize: bucketAction('s3:PutBucketPublicAccessBlock'),
  async run(ctx, input) {
    const given = (input.PublicAccessBlockConfiguration ?? {}) as Record<string, unknown>
    const block: PublicAccessBlock = Object.fromEntries(FLAGS.map((flag) => [flag, given[flag] === true]))
    await updateBucket(
      ctx.store,
      String(input.Bucket),
      (b) => ({ attributes: Object.assign({}, b.attributes, { publicAccessBlock: block }) }),
      ctx.now,
    )
    return {}
  },
}
