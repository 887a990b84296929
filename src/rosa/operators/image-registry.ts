import { createHash } from 'node:crypto'
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutBucketEncryptionCommand,
  PutBucketTaggingCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
} from '@aws-sdk/client-s3'
import { type ClusterOperator, errorCode, type OperatorContext, ownedTags } from './operator.js'

/**
 * The registry's bucket: `<infra-id>-image-registry-<region>` (the operator's own rule adds a random suffix;
 * Lanyard's is deterministic so the uninstaller can find it without s3:ListAllMyBuckets, which its policy lacks).
 */
export const registryBucketName = (infraId: string, region: string): string =>
  `${infraId}-image-registry-${region}`.slice(0, 63).replace(/-+$/, '')

/** The blob the registry stores and reads back: a one-line layer, stored under its digest as distribution does. */
function probeBlob(ctx: OperatorContext): { key: string; body: string; digest: string } {
  const body = `lanyard image registry of ${ctx.cluster.name} (${ctx.cluster.infra_id})\n`
  const digest = createHash('sha256').update(body).digest('hex')
  return { key: `docker/registry/v2/blobs/sha256/${digest.slice(0, 2)}/${digest}/data`, body, digest }
}

async function ensureBucket(ctx: OperatorContext, Bucket: string): Promise<void> {
  const { s3 } = ctx.clients
  const exists = await s3.send(new HeadBucketCommand({ Bucket })).then(
    () => true,
    (error) => {
      if (errorCode(error) === 'NotFound' || errorCode(error) === 'NoSuchBucket') return false
      throw error
    },
  )
  if (exists) return
  await s3.send(
    new CreateBucketCommand({
      Bucket,
      ...(ctx.region === 'us-east-1'
        ? {}
        : { CreateBucketConfiguration: { LocationConstraint: ctx.region as never } }),
    }),
  )
  await s3.send(new PutBucketTaggingCommand({ Bucket, Tagging: { TagSet: ownedTags(ctx.cluster, Bucket) } }))
  await s3.send(
    new PutPublicAccessBlockCommand({
      Bucket,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    }),
  )
  await s3.send(
    new PutBucketEncryptionCommand({
      Bucket,
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    }),
  )
  await ctx.log(`created registry bucket ${Bucket} (tagged, public access blocked, AES256 by default)`)
}

/**
 * The image registry operator (`openshift-image-registry/installer-cloud-credentials`): creates and configures
 * its bucket, then stores a blob and reads it back, checking its digest, as the registry pods do with layers.
 */
export const imageRegistryOperator: ClusterOperator = {
  name: 'image-registry',
  namespace: 'openshift-image-registry',
  secretName: 'installer-cloud-credentials',
  serviceAccount: 'cluster-image-registry-operator',
  async reconcile(ctx) {
    const Bucket = registryBucketName(ctx.cluster.infra_id, ctx.region)
    await ensureBucket(ctx, Bucket)
    const blob = probeBlob(ctx)
    const { s3 } = ctx.clients
    const stored = await s3.send(new HeadObjectCommand({ Bucket, Key: blob.key })).then(
      () => true,
      (error) => {
        if (errorCode(error) === 'NotFound' || errorCode(error) === 'NoSuchKey') return false
        throw error
      },
    )
    if (!stored) {
      await s3.send(new PutObjectCommand({ Bucket, Key: blob.key, Body: blob.body }))
      await ctx.log(`stored blob sha256:${blob.digest} in ${Bucket}`)
    }
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: blob.key }))
    const text = (await got.Body?.transformToString()) ?? ''
    const digest = createHash('sha256').update(text).digest('hex')
    if (digest !== blob.digest) throw new Error(`blob sha256:${blob.digest} reads back as sha256:${digest}`)
    return `bucket ${Bucket}; blob sha256:${blob.digest.slice(0, 12)} readable`
  },
}
