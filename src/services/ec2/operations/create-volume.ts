import type { Operation, OperationContext } from '../../operation.js'
import { accountOf, onNewResource, onResource, tagOnCreate } from '../authz.js'
import type { SnapshotAttributes, VolumeAttributes } from '../compute/records.js'
import { volumeContext } from '../compute/volume-authorization.js'
import { toVolumeShape, type VolumeRecord } from '../compute/volume-shape.js'
import { type VolumeSpec, volumeSpec } from '../compute/volume-spec.js'
import { invalidParameterValue, missingParameter } from '../errors.js'
import { findZone } from '../regions.js'
import { newResourceId } from '../resource-ids.js'
import { type Ec2Record, insertResource, requireResource } from '../resource-store.js'
import { tagsOnCreate } from '../tags.js'

interface VolumePlan {
  readonly zone: string
  readonly spec: VolumeSpec
  readonly snapshot?: Ec2Record<SnapshotAttributes>
}

async function plan(ctx: OperationContext, input: Record<string, unknown>): Promise<VolumePlan> {
  if (typeof input.AvailabilityZone !== 'string') throw missingParameter('AvailabilityZone')
  const zone = findZone(ctx.region, input.AvailabilityZone)
  if (zone === undefined)
    throw invalidParameterValue(`Invalid availability zone: [${input.AvailabilityZone}]`)
  const snapshot =
    typeof input.SnapshotId === 'string'
      ? await requireResource<SnapshotAttributes>(ctx, 'snapshot', input.SnapshotId)
      : undefined
  const spec = volumeSpec(
    input,
    snapshot === undefined ? {} : { size: snapshot.attributes.volumeSize, snapshotId: snapshot.id },
    { region: ctx.region, account: accountOf(ctx) },
  )
  const encrypted =
    snapshot?.attributes.encrypted === true ? Object.assign({}, spec, { encrypted: true }) : spec
  return { zone: zone.ZoneName, spec: encrypted, ...(snapshot !== undefined ? { snapshot } : {}) }
}

/** EC2 CreateVolume: an EBS volume in a zone, empty or from a snapshot; `creating`, then `available`. */
export const createVolume: Operation = {
  async authorize(ctx, input) {
    const { zone, spec, snapshot } = await plan(ctx, input)
    const tags = tagsOnCreate(input, ['volume'])
    return [
      onNewResource(ctx, 'ec2:CreateVolume', 'volume', tags, volumeContext(spec, zone)),
      ...(snapshot !== undefined
        ? [onResource(ctx, 'ec2:CreateVolume', 'snapshot', snapshot.id, snapshot)]
        : []),
      ...tagOnCreate(ctx, 'CreateVolume', 'volume', tags),
    ]
  },
  async run(ctx, input) {
    const { zone, spec } = await plan(ctx, input)
    const attributes: VolumeAttributes = {
      availabilityZone: zone,
      size: spec.size,
      volumeType: spec.volumeType,
      ...(spec.iops !== undefined ? { iops: spec.iops } : {}),
      ...(spec.throughput !== undefined ? { throughput: spec.throughput } : {}),
      encrypted: spec.encrypted,
      ...(spec.kmsKeyId !== undefined ? { kmsKeyId: spec.kmsKeyId } : {}),
      ...(spec.snapshotId !== undefined ? { snapshotId: spec.snapshotId } : {}),
      createTime: ctx.now.getTime(),
      multiAttachEnabled: false,
    }
    const record = await insertResource(ctx, 'volume', {
      id: newResourceId('vol', ctx.random),
      attributes,
      tags: tagsOnCreate(input, ['volume']),
    })
    return toVolumeShape(record as VolumeRecord, ctx.now)
  },
}
