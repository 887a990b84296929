import { AwsError } from '../../../kernel/aws-error.js'
import type { Repositories } from '../../../store/index.js'
import type { OperationContext } from '../../operation.js'
import { notFound } from '../errors.js'
import {
  deviceInUse,
  instanceNotReady,
  volumeAttached,
  volumeIncorrectState,
  zoneMismatch,
} from './errors.js'
import { type InstanceRecord, stateAt } from './instance-shape.js'
import type { InstanceAttributes, VolumeAttributes } from './records.js'
import { type VolumeRecord, volumeState } from './volume-shape.js'

async function reread<A>(tx: Repositories, arn: string, type: string, id: string) {
  const record = await tx.cloudResources.get<A>(arn)
  if (record === undefined) throw notFound(type, [id])
  return record
}

/**
 * Attaches an available volume to a running or stopped instance of its zone at `device`, writing the
 * volume and the instance's block-device list in one transaction.
 */
export function attach(
  ctx: OperationContext,
  volume: VolumeRecord,
  instance: InstanceRecord,
  device: string,
): Promise<number> {
  return ctx.store.transaction(async (tx) => {
    const v = await reread<VolumeAttributes>(tx, volume.arn, 'volume', volume.id)
    const i = await reread<InstanceAttributes>(tx, instance.arn, 'instance', instance.id)
    if (v.attributes.attachment !== undefined) throw volumeAttached(v.id, v.attributes.attachment.instanceId)
    const state = volumeState(v.attributes, ctx.now)
    if (state !== 'available') throw volumeIncorrectState(v.id, state)
    const running = stateAt(i as InstanceRecord, ctx.now).name
    if (running !== 'running' && running !== 'stopped') throw instanceNotReady(i.id)
    if (v.attributes.availabilityZone !== i.attributes.availabilityZone) throw zoneMismatch(v.id, i.id)
    if (i.attributes.blockDevices.some((d) => d.deviceName === device) || device === '')
      throw deviceInUse(device)
    const at = ctx.now.getTime()
    // AWS: a volume attached after launch keeps DeleteOnTermination false.
    const attachment = { instanceId: i.id, device, attachTime: at, deleteOnTermination: false }
    await tx.cloudResources.update(
      v.arn,
      { attributes: Object.assign({}, v.attributes, { attachment }), parentId: i.id, at: ctx.now },
      v.revision,
    )
    const blockDevices = [
      ...i.attributes.blockDevices,
      { deviceName: device, volumeId: v.id, attachTime: at, deleteOnTermination: false },
    ]
    await tx.cloudResources.update(
      i.arn,
      { attributes: Object.assign({}, i.attributes, { blockDevices }), at: ctx.now },
      i.revision,
    )
    return at
  })
}

/**
 * Detaches a volume from its instance (the named one, when InstanceId is given). AWS: the root volume of an
 * instance that is not stopped cannot be detached.
 */
export function detach(
  ctx: OperationContext,
  volume: VolumeRecord,
  expectedInstance: string | undefined,
): Promise<{ instanceId: string; device: string; attachTime: number; deleteOnTermination: boolean }> {
  return ctx.store.transaction(async (tx) => {
    const v = await reread<VolumeAttributes>(tx, volume.arn, 'volume', volume.id)
    const attachment = v.attributes.attachment
    if (attachment === undefined) throw volumeIncorrectState(v.id, volumeState(v.attributes, ctx.now))
    if (expectedInstance !== undefined && expectedInstance !== attachment.instanceId)
      throw new AwsError(
        'IncorrectState',
        400,
        `Volume '${v.id}' is not attached to instance '${expectedInstance}'.`,
      )
    const key = {
      accountId: v.accountId,
      region: v.region,
      service: 'ec2',
      type: 'instance',
      id: attachment.instanceId,
    }
    const i = await tx.cloudResources.find<InstanceAttributes>(key)
    if (i !== undefined) {
      const state = stateAt(i as InstanceRecord, ctx.now).name
      if (attachment.device === i.attributes.rootDeviceName && state !== 'stopped' && state !== 'terminated')
        throw new AwsError(
          'UnsupportedOperation',
          400,
          `Unable to detach root volume '${v.id}' from instance '${i.id}'`,
        )
      const blockDevices = i.attributes.blockDevices.filter((d) => d.volumeId !== v.id)
      await tx.cloudResources.update(
        i.arn,
        { attributes: Object.assign({}, i.attributes, { blockDevices }), at: ctx.now },
        i.revision,
      )
    }
    const { attachment: _gone, ...rest } = v.attributes
    await tx.cloudResources.update(v.arn, { attributes: rest, parentId: null, at: ctx.now }, v.revision)
    return attachment
  })
}
