import type { Operation } from '../../operation.js'
import { isPublicPolicy, requireValidBucketPolicy } from '../bucket-policy.js'
import { requireBucket, updateBucket } from '../buckets.js'
import { accessDenied } from '../errors.js'
import { bucketAction } from '../operation-helpers.js'

/**
 * S3 PutBucketPolicy: validated as a resource policy whose resources are this bucket and its objects.
 * AWS: with BlockPublicPolicy set, a public policy is refused with AccessDenied.
 */
export const putBucketPolicy: Operation = {
  unsigned: true,
  authorize: bucketAction('s3:PutBucketPolicy'),
  async run(ctx, input) {
    const name = String(input.Bucket)
    const text =
      typeof input.Policy === 'string' ? input.Policy : Buffer.from(input.Policy as Uint8Array).toString()
    const bucket = await requireBucket(ctx.store, name)
    requireValidBucketPolicy(text, name)
    if (bucket.attributes.publicAccessBlock?.BlockPublicPolicy === true && isPublicPolicy(text))
      throw accessDenied()
    await updateBucket(
      ctx.store,
      name,
      (b) => ({ attributes: Object.assign({}, b.attributes, { policy: text }) }),
      ctx.now,
    )
    return {}
  },
}
