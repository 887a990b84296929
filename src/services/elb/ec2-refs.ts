import type { CloudResourceRecord } from '../../store/index.js'
import type { OperationContext } from '../operation.js'
import { accountOf } from './arns.js'

/** What a load balancer needs to know of an EC2 subnet. */
export interface SubnetRef {
  readonly id: string
  readonly vpcId: string
  readonly availabilityZone: string
}

const ec2Key = (ctx: OperationContext, type: string, id: string) => ({
  accountId: accountOf(ctx),
  region: ctx.region,
  service: 'ec2',
  type,
  id,
})

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined

/**
 * An attribute of an EC2 record. CAUTION: EC2 stores VPCs, subnets and security groups under their wire member
 * names (`AvailabilityZone`, `VpcId`, `GroupName`) and instances under camelCase ones (`state`, `subnetId`).
 */
export const ec2Attribute = (record: CloudResourceRecord, name: string): string | undefined =>
  text(record.attributes[name]) ?? text(record.attributes[name.charAt(0).toLowerCase() + name.slice(1)])

/** An EC2 resource of the caller's account and region, read from the shared store (never EC2's code). */
export const findEc2 = (
  ctx: OperationContext,
  type: string,
  id: string,
): Promise<CloudResourceRecord | undefined> => ctx.store.cloudResources.find(ec2Key(ctx, type, id))

/**
 * The subnets of `ids` in the caller's region; the ids that do not exist go to `missing`.
 * EC2 keeps the VPC as the subnet's `parentId` and the zone in its `AvailabilityZone` attribute.
 */
export async function loadSubnets(
  ctx: OperationContext,
  ids: readonly string[],
): Promise<{ subnets: SubnetRef[]; missing: string[] }> {
  const subnets: SubnetRef[] = []
  const missing: string[] = []
  for (const id of ids) {
    const record = await findEc2(ctx, 'subnet', id)
    if (record === undefined) missing.push(id)
    else
      subnets.push({
        id,
        vpcId: record.parentId ?? ec2Attribute(record, 'VpcId') ?? '',
        availabilityZone: ec2Attribute(record, 'AvailabilityZone') ?? `${ctx.region}a`,
      })
  }
  return { subnets, missing }
}

/** The security groups of `ids` that do not exist, and the VPC of each one that does. */
export async function loadSecurityGroups(
  ctx: OperationContext,
  ids: readonly string[],
): Promise<{ vpcs: Map<string, string>; missing: string[] }> {
  const vpcs = new Map<string, string>()
  const missing: string[] = []
  for (const id of ids) {
    const record = await findEc2(ctx, 'security-group', id)
    if (record === undefined) missing.push(id)
    else vpcs.set(id, record.parentId ?? ec2Attribute(record, 'VpcId') ?? '')
  }
  return { vpcs, missing }
}

/** An EC2 instance's state name (`pending`, `running`, `stopped`, …), or undefined when it does not exist. */
export async function instanceState(ctx: OperationContext, id: string): Promise<string | undefined> {
  const record = await findEc2(ctx, 'instance', id)
  if (record === undefined) return undefined
  const state = record.attributes.state
  if (typeof state === 'string') return state
  if (state !== null && typeof state === 'object')
    return text((state as { name?: unknown }).name) ?? 'running'
  return 'running'
}

/** True when an instance in `state` can take traffic (a pending instance becomes running by itself). */
export const isRunningState = (state: string): boolean => state === 'running' || state === 'pending'
