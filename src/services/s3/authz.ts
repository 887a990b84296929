import { type ContextValue, type PrincipalFacts, principalFacts } from '../../policy/index.js'
import type { Tag } from '../../store/index.js'
import type { AuthorizationRequest, OperationContext } from '../operation.js'
import { evaluableBucketPolicy, isPublicPolicy } from './bucket-policy.js'
import { type Bucket, bucketArn, findBucket, objectArn } from './buckets.js'
import { S3_ACCESS_DENIED } from './errors.js'

/** The caller of an unsigned request: everyone (`*`). */
export const ANONYMOUS: PrincipalFacts = principalFacts('*')!

/** What one S3 authorization is about. */
export interface S3AuthorizationTarget {
  readonly action: string
  readonly bucket: string
  /** The object key, for object actions (resource `arn:aws:s3:::bucket/key`). */
  readonly key?: string
  readonly context?: Readonly<Record<string, ContextValue>>
  /** The bucket, when the operation already loaded it (undefined: it does not exist). */
  readonly loaded?: Bucket | undefined
}

/**
 * One S3 authorization: the bucket owner's account as the resource account, the bucket policy as the resource
 * policy, and the anonymous principal for unsigned requests. AWS: with RestrictPublicBuckets, a public bucket
 * policy grants nothing to callers outside the owner's account.
 */
export async function s3Authorization(
  ctx: OperationContext,
  target: S3AuthorizationTarget,
): Promise<AuthorizationRequest> {
  const bucket = 'loaded' in target ? target.loaded : await findBucket(ctx.store, target.bucket)
  const callerAccount = ctx.caller?.principal.account
  const policyText = bucket?.attributes.policy
  const restricted =
    policyText !== undefined &&
    bucket?.attributes.publicAccessBlock?.RestrictPublicBuckets === true &&
    callerAccount !== bucket.accountId &&
    isPublicPolicy(policyText)
  const resourcePolicy =
    policyText === undefined || restricted ? undefined : evaluableBucketPolicy(policyText)
  return {
    action: target.action,
    resource: target.key === undefined ? bucketArn(target.bucket) : objectArn(target.bucket, target.key),
    ...(bucket === undefined ? {} : { resourceAccount: bucket.accountId }),
    ...(resourcePolicy === undefined ? {} : { resourcePolicy }),
    ...(ctx.caller === undefined ? { principal: ANONYMOUS } : {}),
    ...(target.context === undefined ? {} : { context: target.context }),
    deniedMessage: S3_ACCESS_DENIED,
  }
}

/** `s3:ExistingObjectTag/<key>` for each tag of the stored object. */
export function existingObjectTagContext(tags: readonly Tag[]): Record<string, ContextValue> {
  return Object.fromEntries(tags.map((tag) => [`s3:ExistingObjectTag/${tag.key}`, tag.value]))
}

/** `s3:RequestObjectTag/<key>` and `s3:RequestObjectTagKeys` for the tags a request sets on an object. */
export function requestObjectTagContext(tags: readonly Tag[] | undefined): Record<string, ContextValue> {
  if (tags === undefined) return {}
  const context: Record<string, ContextValue> = {}
  for (const tag of tags) context[`s3:RequestObjectTag/${tag.key}`] = tag.value
  context['s3:RequestObjectTagKeys'] = tags.map((tag) => tag.key)
  return context
}

/** `aws:RequestTag/<key>` and `aws:TagKeys` for the tags a request sets on a bucket. */
export function requestTagContext(tags: readonly Tag[]): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {}
  for (const tag of tags) context[`aws:RequestTag/${tag.key}`] = tag.value
  context['aws:TagKeys'] = tags.map((tag) => tag.key)
  return context
}

/** The listing keys AWS documents for s3:ListBucket: s3:prefix, s3:delimiter, s3:max-keys (when sent). */
export function listingContext(input: Record<string, unknown>): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {}
  if (input.Prefix !== undefined) context['s3:prefix'] = String(input.Prefix)
  if (input.Delimiter !== undefined) context['s3:delimiter'] = String(input.Delimiter)
  if (input.MaxKeys !== undefined) context['s3:max-keys'] = String(input.MaxKeys)
  return context
}

/**
 * AWS: a key that does not exist is NoSuchKey (404) only for callers who may also list the bucket
 * (s3:ListBucket); everyone else gets AccessDenied (403), so missing keys cannot be probed.
 */
export function missingKeyAuthorization(
  ctx: OperationContext,
  bucket: string,
): Promise<AuthorizationRequest> {
  return s3Authorization(ctx, { action: 's3:ListBucket', bucket })
}

/** ListObjects and ListObjectsV2: s3:ListBucket on the bucket, with the listing context keys. */
export async function listObjectsAuthorization(
  ctx: OperationContext,
  input: Record<string, unknown>,
): Promise<AuthorizationRequest[]> {
  return [
    await s3Authorization(ctx, {
      action: 's3:ListBucket',
      bucket: String(input.Bucket),
      context: listingContext(input),
    }),
  ]
}

/**
 * GetObject, HeadObject and a CopyObject source: s3:GetObject on the object with its tags as
 * `s3:ExistingObjectTag/<key>`, and s3:ListBucket too when the key does not exist (see missingKeyAuthorization).
 */
export async function readObjectAuthorizations(
  ctx: OperationContext,
  bucket: string,
  key: string,
): Promise<AuthorizationRequest[]> {
  const existing = await ctx.store.s3Objects.get(bucket, key)
  const context = existingObjectTagContext(existing?.tags ?? [])
  return [
    await s3Authorization(ctx, { action: 's3:GetObject', bucket, key, context }),
    ...(existing === undefined ? [await missingKeyAuthorization(ctx, bucket)] : []),
  ]
}
