import { AwsError } from '../../../kernel/aws-error.js'
import { StoreConflict } from '../../../store/index.js'
import type { Operation } from '../../operation.js'
import { s3Authorization } from '../authz.js'
import { requireValidBucketName } from '../bucket-name.js'
import { bucketArn, findBucket } from '../buckets.js'
import { callerAccount } from '../operation-helpers.js'

/** AWS: the region a CreateBucket creates in: its LocationConstraint, which must be the endpoint's region. */
function bucketRegion(constraint: string | undefined, endpointRegion: string): string {
  if (constraint === undefined || constraint === '') {
    if (endpointRegion === 'us-east-1') return 'us-east-1'
    throw new AwsError(
      'IllegalLocationConstraintException',
      400,
      'The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.',
    )
  }
  // AWS: us-east-1 is named by leaving the constraint out.
  if (constraint === 'us-east-1')
    throw new AwsError('InvalidLocationConstraint', 400, 'The specified location-constraint is not valid')
  if (constraint !== endpointRegion)
    throw new AwsError(
      'IllegalLocationConstraintException',
      400,
      `The ${constraint} location constraint is incompatible for the region specific endpoint this request was sent to.`,
    )
  return constraint
}

/** S3 CreateBucket: a bucket in the caller's account, in the region its LocationConstraint names. */
export const createBucket: Operation = {
  unsigned: true,
  async authorize(ctx, input) {
    // The bucket does not exist yet (or is someone else's): only the caller's own policies decide.
    return [
      await s3Authorization(ctx, {
        action: 's3:CreateBucket',
        bucket: String(input.Bucket),
        loaded: undefined,
      }),
    ]
  },
  async run(ctx, input) {
    const name = String(input.Bucket)
    requireValidBucketName(name)
    const configuration = input.CreateBucketConfiguration as { LocationConstraint?: string } | undefined
    const region = bucketRegion(configuration?.LocationConstraint, ctx.region)
    const accountId = callerAccount(ctx)
    const location = region === 'us-east-1' ? `/${name}` : `http://${name}.s3.amazonaws.com/`
    try {
      await ctx.store.cloudResources.insert({
        arn: bucketArn(name),
        accountId,
        region,
        service: 's3',
        type: 'bucket',
        id: name,
        attributes: {},
        tags: [],
        at: ctx.now,
      })
    } catch (error) {
      if (!(error instanceof StoreConflict)) throw error
      const existing = await findBucket(ctx.store, name)
      if (existing?.accountId !== accountId)
        throw new AwsError(
          'BucketAlreadyExists',
          409,
          'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
        )
      // AWS: in us-east-1, creating a bucket you already own succeeds again.
      if (existing.region === 'us-east-1' && region === 'us-east-1') return { Location: location }
      throw new AwsError(
        'BucketAlreadyOwnedByYou',
        409,
        'Your previous request to create the named bucket succeeded and you already own it.',
      )
    }
    return { Location: location }
  },
}
