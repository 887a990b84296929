import type { CloudResourceRecord, Repositories } from '../../../store/index.js'
import type { OperationContext } from '../../operation.js'
import { ec2Arn } from '../arns.js'
import { accountOf } from '../authz.js'
import { newResourceId } from '../resource-ids.js'
import { idempotentMismatch } from './errors.js'
import type { InstanceRecord } from './instance-shape.js'
import { launchable, quotasOf, usage } from './quotas.js'
import type { BlockDevice, InstanceAttributes, RunTokenAttributes, VolumeAttributes } from './records.js'
import type { RunPlan } from './run-plan.js'

/** What one RunInstances made: its reservation and instances (or the earlier ones, for a retried ClientToken). */
export interface Launched {
  readonly reservationId: string
  readonly instances: readonly InstanceRecord[]
}

/** The store type of the ClientToken records (not an EC2 resource: no ARN type of its own, never tagged). */
const TOKEN_TYPE = 'client-token'

/** A private address in the subnet's CIDR, past the four addresses AWS reserves at its start. */
function privateIp(cidr: string, random: OperationContext['random']): string {
  const [base = '10.0.0.0', bits = '24'] = cidr.split('/')
  const size = 2 ** (32 - Number(bits))
  const start = base.split('.').reduce((n, part) => n * 256 + Number(part), 0)
  const offset = 4 + (Buffer.from(random(4)).readUInt32BE(0) % Math.max(1, size - 5))
  const ip = start + offset
  return [24, 16, 8, 0].map((shift) => Math.floor(ip / 2 ** shift) % 256).join('.')
}

function macAddress(random: OperationContext['random']): string {
  const bytes = Buffer.from(random(6))
  bytes[0] = (bytes[0]! & 0xfe) | 0x02
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(':')
}

/**
 * Launches the plan in one serializable transaction: the ClientToken check, the quota check, then every
 * volume, instance and the token record together, so an acknowledged launch is whole and a failed one
 * leaves nothing.
 */
export function launch(ctx: OperationContext, plan: RunPlan): Promise<Launched> {
  const account = accountOf(ctx)
  const region = ctx.region
  return ctx.store.transaction(
    async (tx) => {
      if (plan.clientToken !== undefined) {
        const earlier = await replay(tx, account, region, plan)
        if (earlier !== undefined) return earlier
      }
      const quotas = await quotasOf(tx, account, region)
      const count = launchable(
        quotas,
        await usage(tx, account, region, ctx.now),
        plan.type.name,
        plan.minCount,
        plan.maxCount,
      )
      const reservationId = newResourceId('r', ctx.random)
      const instances: InstanceRecord[] = []
      for (let index = 0; index < count; index++)
        instances.push(await launchOne(ctx, tx, plan, reservationId, index))
      if (plan.clientToken !== undefined) {
        const attributes: RunTokenAttributes = {
          reservationId,
          instanceIds: instances.map((i) => i.id),
          digest: plan.digest,
        }
        await tx.cloudResources.insert({
          arn: `arn:aws:ec2:${region}:${account}:${TOKEN_TYPE}/${plan.clientToken}`,
          accountId: account,
          region,
          service: 'ec2',
          type: TOKEN_TYPE,
          id: plan.clientToken,
          attributes,
          tags: [],
          at: ctx.now,
        })
      }
      return { reservationId, instances }
    },
    { serializable: true },
  )
}

/** The launch an earlier request with the same ClientToken made; IdempotentParameterMismatch when it asked otherwise. */
async function replay(
  tx: Repositories,
  account: string,
  region: string,
  plan: RunPlan,
): Promise<Launched | undefined> {
  const token = await tx.cloudResources.find<RunTokenAttributes>({
    accountId: account,
    region,
    service: 'ec2',
    type: TOKEN_TYPE,
    id: plan.clientToken!,
  })
  if (token === undefined) return undefined
  if (token.attributes.digest !== plan.digest) throw idempotentMismatch()
  const page = await tx.cloudResources.list<InstanceAttributes>({
    accountId: account,
    service: 'ec2',
    type: 'instance',
    region,
    ids: token.attributes.instanceIds,
    limit: token.attributes.instanceIds.length + 1,
  })
  const instances = [...page.items].sort((a, b) => a.attributes.amiLaunchIndex - b.attributes.amiLaunchIndex)
  return { reservationId: token.attributes.reservationId, instances }
}

async function launchOne(
  ctx: OperationContext,
  tx: Repositories,
  plan: RunPlan,
  reservationId: string,
  index: number,
): Promise<InstanceRecord> {
  const account = accountOf(ctx)
  const instanceId = newResourceId('i', ctx.random)
  const at = ctx.now.getTime()
  const blockDevices: BlockDevice[] = []
  for (const device of plan.devices) {
    const volumeId = newResourceId('vol', ctx.random)
    const spec = device.spec
    const attributes: VolumeAttributes = {
      availabilityZone: plan.subnet.availabilityZone,
      size: spec.size,
      volumeType: spec.volumeType,
      ...(spec.iops !== undefined ? { iops: spec.iops } : {}),
      ...(spec.throughput !== undefined ? { throughput: spec.throughput } : {}),
      encrypted: spec.encrypted,
      ...(spec.kmsKeyId !== undefined ? { kmsKeyId: spec.kmsKeyId } : {}),
      ...(spec.snapshotId !== undefined ? { snapshotId: spec.snapshotId } : {}),
      // AWS: volumes made at launch are available at once, so DescribeVolumes shows them in-use.
      createTime: at,
      attachment: {
        instanceId,
        device: device.deviceName,
        attachTime: at,
        deleteOnTermination: device.deleteOnTermination,
      },
      multiAttachEnabled: false,
    }
    await tx.cloudResources.insert({
      arn: ec2Arn(ctx.region, account, 'volume', volumeId),
      accountId: account,
      region: ctx.region,
      service: 'ec2',
      type: 'volume',
      id: volumeId,
      parentId: instanceId,
      attributes,
      tags: plan.volumeTags,
      at: ctx.now,
    })
    blockDevices.push({
      deviceName: device.deviceName,
      volumeId,
      attachTime: at,
      deleteOnTermination: device.deleteOnTermination,
    })
  }
  const attributes: InstanceAttributes = {
    reservationId,
    imageId: plan.image.imageId,
    instanceType: plan.type.name,
    architecture: plan.type.architecture,
    amiLaunchIndex: index,
    ...(plan.keyPair !== undefined ? { keyName: String(plan.keyPair.attributes.KeyName) } : {}),
    subnetId: plan.subnet.subnetId,
    vpcId: plan.subnet.vpcId,
    availabilityZone: plan.subnet.availabilityZone,
    privateIpAddress: privateIp(plan.subnet.cidrBlock, ctx.random),
    macAddress: macAddress(ctx.random),
    networkInterfaceId: newResourceId('eni', ctx.random),
    securityGroups: plan.groups.map((g) => ({ groupId: g.groupId, groupName: g.groupName })),
    state: { name: 'pending', since: at },
    stateTransitionReason: '',
    launchTime: at,
    ...(plan.clientToken !== undefined ? { clientToken: plan.clientToken } : {}),
    ...(plan.profile !== undefined
      ? { iamInstanceProfile: { arn: plan.profile.arn, id: plan.profile.profile.id } }
      : {}),
    rootDeviceName: plan.image.rootDeviceName,
    blockDevices,
    ...(plan.userData !== undefined ? { userData: plan.userData } : {}),
    disableApiTermination: plan.disableApiTermination,
    disableApiStop: plan.disableApiStop,
    sourceDestCheck: true,
    ebsOptimized: plan.ebsOptimized,
    shutdownBehavior: plan.shutdownBehavior,
  }
  return (await tx.cloudResources.insert({
    arn: ec2Arn(ctx.region, account, 'instance', instanceId),
    accountId: account,
    region: ctx.region,
    service: 'ec2',
    type: 'instance',
    id: instanceId,
    parentId: plan.subnet.subnetId,
    attributes,
    tags: plan.instanceTags,
    at: ctx.now,
  })) as CloudResourceRecord<InstanceAttributes>
}
