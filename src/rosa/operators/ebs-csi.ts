import {
  AttachVolumeCommand,
  CreateVolumeCommand,
  DescribeVolumesCommand,
  type Instance,
  type Volume,
} from '@aws-sdk/client-ec2'
import { liveWorkers } from './machine-api.js'
import { type ClusterOperator, type OperatorContext, ownedFilter, ownedTags } from './operator.js'

/** The tag the CSI driver puts on the volumes it provisions. */
const CSI_TAG = 'ebs.csi.aws.com/cluster'

/** A provisioned volume and where it is attached. */
export interface ProvisionedVolume {
  readonly volumeId: string
  readonly sizeGiB: number
  readonly availabilityZone: string
  readonly instanceId: string
  readonly device: string
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `probe` every 500 ms until it answers something, for up to `forMs`. */
async function waitFor<T>(what: string, forMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + forMs
  for (;;) {
    const found = await probe()
    if (found !== undefined) return found
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(500)
  }
}

/** The first device name of `/dev/xvdb`…`/dev/xvdz` the instance does not use. */
function freeDevice(instance: Instance): string {
  const used = new Set((instance.BlockDeviceMappings ?? []).map((m) => m.DeviceName))
  for (let c = 'b'.charCodeAt(0); c <= 'z'.charCodeAt(0); c++) {
    const device = `/dev/xvd${String.fromCharCode(c)}`
    if (!used.has(device)) return device
  }
  throw new Error(`instance ${instance.InstanceId} has no free device name`)
}

/** The cluster's CSI volumes. */
async function csiVolumes(ctx: OperatorContext): Promise<Volume[]> {
  const found = await ctx.clients.ec2.send(
    new DescribeVolumesCommand({
      Filters: [ownedFilter(ctx.cluster), { Name: `tag:${CSI_TAG}`, Values: ['true'] }],
    }),
  )
  return found.Volumes ?? []
}

/**
 * Provisions a gp3 volume of `sizeGiB` for a persistent volume claim and attaches it to a running worker, in
 * that worker's zone, as the EBS CSI driver's controller does (CreateVolume, then AttachVolume once available).
 */
export async function provisionVolume(ctx: OperatorContext, sizeGiB: number): Promise<ProvisionedVolume> {
  const { ec2 } = ctx.clients
  const worker = await waitFor('a running worker', 30_000, async () =>
    (await liveWorkers(ctx)).find((w) => w.State?.Name === 'running'),
  )
  const zone = worker.Placement!.AvailabilityZone!
  const pv = `pvc-${crypto.randomUUID()}`
  const made = await ec2.send(
    new CreateVolumeCommand({
      AvailabilityZone: zone,
      Size: sizeGiB,
      VolumeType: 'gp3',
      Encrypted: true,
      TagSpecifications: [
        {
          ResourceType: 'volume',
          Tags: [
            ...ownedTags(ctx.cluster, `${ctx.cluster.infra_id}-dynamic-${pv}`),
            { Key: CSI_TAG, Value: 'true' },
            { Key: 'kubernetes.io/created-for/pv/name', Value: pv },
          ],
        },
      ],
    }),
  )
  const volumeId = made.VolumeId!
  await ctx.log(`created volume ${volumeId} (${sizeGiB} GiB gp3) in ${zone} for ${pv}`)
  await waitFor(`volume ${volumeId} to be available`, 30_000, async () => {
    const v = await ec2.send(new DescribeVolumesCommand({ VolumeIds: [volumeId] }))
    return v.Volumes?.[0]?.State === 'available' ? true : undefined
  })
  const device = freeDevice(worker)
  await ec2.send(
    new AttachVolumeCommand({ VolumeId: volumeId, InstanceId: worker.InstanceId!, Device: device }),
  )
  await ctx.log(`attached volume ${volumeId} to ${worker.InstanceId} at ${device}`)
  return { volumeId, sizeGiB, availabilityZone: zone, instanceId: worker.InstanceId!, device }
}

/**
 * The EBS CSI driver operator (`openshift-cluster-csi-drivers/ebs-cloud-credentials`): provisions and attaches
 * volumes on request (`provisionVolume`); its reconcile reports the volumes it provisioned.
 */
export const ebsCsiOperator: ClusterOperator = {
  name: 'ebs-csi',
  namespace: 'openshift-cluster-csi-drivers',
  secretName: 'ebs-cloud-credentials',
  serviceAccount: 'aws-ebs-csi-driver-controller-sa',
  async reconcile(ctx) {
    const volumes = await csiVolumes(ctx)
    const attached = volumes.filter((v) => v.State === 'in-use').length
    return `${volumes.length} volume(s) provisioned, ${attached} attached`
  },
}
