import { AwsError } from '../../../kernel/aws-error.js'
import type { Repositories } from '../../../store/index.js'
import type { OperationContext } from '../../operation.js'
import { notFound } from '../errors.js'
import {
  cannotStart,
  cannotStop,
  incorrectInstanceState,
  neverRunning,
  terminationProtected,
} from './errors.js'
import { type InstanceRecord, stateAt, stateChange, userInitiated } from './instance-shape.js'
import type { StoredState } from './instance-state.js'
import { requireInstances } from './instances.js'
import type { InstanceAttributes, VolumeAttributes } from './records.js'

/** A requested lifecycle change: the state an instance moves to from its current one, or an error. */
export type Transition = (
  id: string,
  current: StoredState,
  instance: InstanceAttributes,
) => StoredState['name'] | 'same'

/** StartInstances: a stopped instance becomes pending; a running or pending one stays as it is. */
export const START: Transition = (id, current) => {
  if (current.name === 'stopped') return 'pending'
  if (current.name === 'running' || current.name === 'pending') return 'same'
  throw cannotStart(id)
}

/** StopInstances: a running instance starts stopping; a stopped or stopping one stays. */
export const STOP: Transition = (id, current, instance) => {
  if (current.name === 'stopped' || current.name === 'stopping') return 'same'
  if (current.name === 'pending') throw neverRunning(id)
  if (current.name !== 'running') throw cannotStop(id)
  if (instance.disableApiStop)
    throw new AwsError(
      'OperationNotPermitted',
      400,
      `The instance '${id}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.`,
    )
  return 'stopping'
}

/** TerminateInstances: any instance starts shutting down unless termination protection forbids it. */
export const TERMINATE: Transition = (id, current, instance) => {
  if (current.name === 'terminated' || current.name === 'shutting-down') return 'same'
  if (instance.disableApiTermination) throw terminationProtected(id)
  return 'shutting-down'
}

/** RebootInstances: only a running instance reboots (its state does not change). */
export const REBOOT: Transition = (id, current) => {
  if (current.name === 'running') return 'same'
  throw incorrectInstanceState(id, 'running')
}

/**
 * Applies a transition to every named instance: all are checked first (one refusal fails the call and
 * changes nothing), then each is written with its volumes in one transaction. Returns the state changes.
 */
export async function transition(
  ctx: OperationContext,
  ids: readonly string[],
  rule: Transition,
): Promise<Record<string, unknown>[]> {
  const records = await requireInstances(ctx, ids)
  for (const record of records) rule(record.id, stateAt(record, ctx.now), record.attributes)
  const changes: Record<string, unknown>[] = []
  for (const record of records) {
    const { previous, next } = await ctx.store.transaction((tx) => applyOne(ctx, tx, record.arn, rule))
    changes.push(stateChange(record.id, previous, next))
  }
  return changes
}

async function applyOne(
  ctx: OperationContext,
  tx: Repositories,
  arn: string,
  rule: Transition,
): Promise<{ previous: StoredState; next: StoredState }> {
  const record = (await tx.cloudResources.get<InstanceAttributes>(arn)) as InstanceRecord | undefined
  if (record === undefined) throw notFound('instance', [arn.slice(arn.lastIndexOf('/') + 1)])
  const previous = stateAt(record, ctx.now)
  const name = rule(record.id, previous, record.attributes)
  if (name === 'same') return { previous, next: previous }
  const next: StoredState = { name, since: ctx.now.getTime() }
  const attributes: InstanceAttributes = Object.assign(
    {},
    record.attributes,
    { state: next, stateTransitionReason: name === 'pending' ? '' : userInitiated(ctx.now) },
    name === 'pending' ? { launchTime: ctx.now.getTime() } : {},
  )
  await tx.cloudResources.update(arn, { attributes, at: ctx.now }, record.revision)
  if (name === 'shutting-down') await releaseVolumes(ctx, tx, record)
  return { previous, next }
}

/**
 * What termination does to the instance's volumes: those marked DeleteOnTermination are deleted, the others
 * detached (available). AWS does this while the instance shuts down; Lanyard does it at the request.
 */
async function releaseVolumes(
  ctx: OperationContext,
  tx: Repositories,
  record: InstanceRecord,
): Promise<void> {
  for (const device of record.attributes.blockDevices) {
    const key = {
      accountId: record.accountId,
      region: record.region,
      service: 'ec2',
      type: 'volume',
      id: device.volumeId,
    }
    const volume = await tx.cloudResources.find<VolumeAttributes>(key)
    if (volume === undefined) continue
    if (device.deleteOnTermination) await tx.cloudResources.delete(volume.arn)
    else {
      const { attachment: _gone, ...rest } = volume.attributes
      await tx.cloudResources.update(volume.arn, { attributes: rest, parentId: null, at: ctx.now })
    }
  }
}
