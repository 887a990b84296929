import { type CloudResourceRecord, type Store, StoreConflict, type Tag } from '../../store/index.js'
import { noSuchBucket } from './errors.js'

/** S3 Block Public Access settings of a bucket. */
export interface PublicAccessBlock {
  readonly BlockPublicAcls?: boolean
  readonly IgnorePublicAcls?: boolean
  readonly BlockPublicPolicy?: boolean
  readonly RestrictPublicBuckets?: boolean
}

/** What a bucket keeps beside its name, owner, region and tags. */
export interface BucketAttributes {
  /** The bucket policy as the caller sent it. */
  readonly policy?: string
  readonly publicAccessBlock?: PublicAccessBlock
  /** ServerSideEncryptionConfiguration as the model reads it. */
  readonly encryption?: Readonly<Record<string, unknown>>
  /** The lifecycle rules as the model reads them. */
  readonly lifecycleRules?: readonly unknown[]
}

/** A bucket as the store keeps it: a cloud resource of service `s3`, type `bucket`, id the name. */
export type Bucket = CloudResourceRecord<BucketAttributes>

/** The ARN of a bucket. */
export const bucketArn = (name: string): string => `arn:aws:s3:::${name}`

/** The ARN of an object. */
export const objectArn = (bucket: string, key: string): string => `arn:aws:s3:::${bucket}/${key}`

/** The bucket named `name`, or undefined. */
export function findBucket(store: Store, name: string): Promise<Bucket | undefined> {
  return store.cloudResources.get<BucketAttributes>(bucketArn(name))
}

/** The bucket named `name`; NoSuchBucket when there is none. */
export async function requireBucket(store: Store, name: string): Promise<Bucket> {
  const bucket = await findBucket(store, name)
  if (bucket === undefined) throw noSuchBucket()
  return bucket
}

/** Changes a bucket's attributes or tags (re-reading it when a concurrent change won); NoSuchBucket when it is gone. */
export async function updateBucket(
  store: Store,
  name: string,
  change: (bucket: Bucket) => { readonly attributes?: BucketAttributes; readonly tags?: readonly Tag[] },
  at: Date,
): Promise<Bucket> {
  for (let attempt = 0; ; attempt++) {
    const bucket = await requireBucket(store, name)
    try {
      const updated = await store.cloudResources.update<BucketAttributes>(
        bucket.arn,
        { at, ...change(bucket) },
        bucket.revision,
      )
      if (updated === undefined) throw noSuchBucket()
      return updated
    } catch (error) {
      if (!(error instanceof StoreConflict) || attempt >= 4) throw error
    }
  }
}
