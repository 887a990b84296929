import { CreateTagsCommand, DescribeVpcsCommand, TerminateInstancesCommand } from '@aws-sdk/client-ec2'
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  HeadBucketCommand,
  PutBucketTaggingCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3'
import { hasCode, type InstallContext, type InstallStep, infraTagKey } from './install-context.js'
import { findInstance } from './instances.js'

/** The VPC tag that records a finished bootstrap teardown (a resumed install must not bring it back). */
export const BOOTSTRAP_MARKER = 'openshift.io/bootstrap'

/** The bootstrap bucket's name. */
export const bootstrapBucket = (ctx: InstallContext): string => `${ctx.cluster.infra_id}-bootstrap`

/** Reads whether the bootstrap was already torn down (the marker tag on the VPC). */
export const bootstrapStateStep: InstallStep = {
  name: 'bootstrap state',
  async run(ctx) {
    const vpcs = await ctx.clients.ec2.send(new DescribeVpcsCommand({ VpcIds: [ctx.state.vpcId!] }))
    const tags = vpcs.Vpcs?.[0]?.Tags ?? []
    ctx.state.bootstrapDone = tags.some((t) => t.Key === BOOTSTRAP_MARKER && t.Value === 'destroyed')
  },
}

/** The bootstrap bucket and its ignition object. */
export const bootstrapBucketStep: InstallStep = {
  name: 'bootstrap bucket',
  async run(ctx) {
    if (ctx.state.bootstrapDone) return
    const s3 = ctx.clients.s3
    const Bucket = bootstrapBucket(ctx)
    const exists = await s3
      .send(new HeadBucketCommand({ Bucket }))
      .then(() => true)
      .catch((error) => {
        if (hasCode(error, 'NotFound', 'NoSuchBucket')) return false
        throw error
      })
    if (!exists) {
      await s3.send(new CreateBucketCommand({ Bucket }))
      await ctx.log(`created bootstrap bucket ${Bucket}`)
    }
    await s3.send(
      new PutBucketTaggingCommand({
        Bucket,
        Tagging: {
          TagSet: [
            { Key: infraTagKey(ctx.cluster.infra_id), Value: 'owned' },
            { Key: 'Name', Value: Bucket },
          ],
        },
      }),
    )
    await s3.send(
      new PutObjectCommand({
        Bucket,
        Key: 'bootstrap.ign',
        Body: ignition(ctx),
        ContentType: 'application/json',
      }),
    )
  },
}

/** Terminates the bootstrap instance, empties and deletes the bootstrap bucket, then marks the VPC. */
export const bootstrapTeardownStep: InstallStep = {
  name: 'bootstrap teardown',
  async run(ctx) {
    if (ctx.state.bootstrapDone) return
    const name = `${ctx.cluster.infra_id}-bootstrap`
    const instance = await findInstance(ctx, name)
    if (instance !== undefined)
      await ctx.clients.ec2.send(new TerminateInstancesCommand({ InstanceIds: [instance.InstanceId!] }))
    const Bucket = bootstrapBucket(ctx)
    await bootstrapBucketTeardown(ctx)
    await ctx.clients.ec2.send(
      new CreateTagsCommand({
        Resources: [ctx.state.vpcId!],
        Tags: [{ Key: BOOTSTRAP_MARKER, Value: 'destroyed' }],
      }),
    )
    ctx.state.bootstrapDone = true
    await ctx.log(
      `bootstrap torn down: instance ${instance?.InstanceId ?? '(none)'} terminated, bucket ${Bucket} deleted`,
    )
  },
}

/** Empties and deletes the bootstrap bucket; nothing when it is gone. */
export async function bootstrapBucketTeardown(ctx: InstallContext): Promise<void> {
  const Bucket = bootstrapBucket(ctx)
  try {
    await ctx.clients.s3.send(new DeleteObjectCommand({ Bucket, Key: 'bootstrap.ign' }))
    await ctx.clients.s3.send(new DeleteBucketCommand({ Bucket }))
  } catch (error) {
    if (!hasCode(error, 'NoSuchBucket')) throw error
  }
}

/** A minimal Ignition v3 config naming the cluster (Lanyard boots no machine from it). */
function ignition(ctx: InstallContext): string {
  return JSON.stringify({
    ignition: { version: '3.2.0' },
    storage: {
      files: [
        {
          path: '/opt/openshift/cluster-info',
          contents: { source: `data:,${encodeURIComponent(`${ctx.cluster.name} ${ctx.cluster.infra_id}`)}` },
        },
      ],
    },
  })
}
