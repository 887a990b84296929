import type { OperationContext } from '../../operation.js'
import { accountOf } from '../arns.js'
import { ec2Attribute, loadSecurityGroups, loadSubnets } from '../ec2-refs.js'
import { invalidConfiguration, invalidSecurityGroup, subnetNotFound, validationError } from '../errors.js'
import type { ZoneRecord } from './records.js'

/** Where a load balancer is: its VPC, its subnets by zone and its security groups. */
export interface Placement {
  readonly vpcId: string
  readonly zones: readonly ZoneRecord[]
  readonly securityGroups: readonly string[]
}

/** The subnet ids of `Subnets` or `SubnetMappings`. */
export function inputSubnetIds(input: Record<string, unknown>): string[] {
  const subnets = Array.isArray(input.Subnets) ? input.Subnets.map(String) : []
  const mappings = Array.isArray(input.SubnetMappings)
    ? (input.SubnetMappings as { SubnetId?: string }[]).map((m) => String(m.SubnetId ?? ''))
    : []
  return [...subnets, ...mappings]
}

/** Checks the subnets (they exist, one per zone, one VPC) and returns their zones. */
export async function placeInSubnets(
  ctx: OperationContext,
  ids: readonly string[],
  type: 'application' | 'network',
): Promise<{ vpcId: string; zones: ZoneRecord[] }> {
  if (ids.length === 0) throw validationError('At least one subnet must be specified')
  const { subnets, missing } = await loadSubnets(ctx, ids)
  if (missing.length > 0) throw subnetNotFound(missing)
  const vpcs = new Set(subnets.map((s) => s.vpcId))
  if (vpcs.size > 1) throw invalidConfiguration('All subnets must belong to the same VPC')
  const zones = new Set(subnets.map((s) => s.availabilityZone))
  if (zones.size < subnets.length)
    throw invalidConfiguration(
      'A load balancer cannot be attached to multiple subnets in the same Availability Zone',
    )
  // AWS: an application load balancer needs subnets in at least two Availability Zones.
  if (type === 'application' && zones.size < 2)
    throw validationError('At least two subnets in two different Availability Zones must be specified')
  return {
    vpcId: [...vpcs][0]!,
    zones: subnets
      .map((s) => ({ subnetId: s.id, zoneName: s.availabilityZone }))
      .sort((a, b) => a.zoneName.localeCompare(b.zoneName)),
  }
}

/** Checks the security groups exist in the VPC; an application load balancer without any gets the VPC's default group. */
export async function securityGroupsFor(
  ctx: OperationContext,
  ids: readonly string[],
  vpcId: string,
  type: 'application' | 'network',
): Promise<string[]> {
  const { vpcs, missing } = await loadSecurityGroups(ctx, ids)
  if (missing.length > 0) throw invalidSecurityGroup(missing[0]!)
  for (const [id, vpc] of vpcs) if (vpc !== '' && vpc !== vpcId) throw invalidSecurityGroup(id)
  if (ids.length > 0 || type === 'network') return [...ids]
  const groups = await ctx.store.cloudResources.list({
    accountId: accountOf(ctx),
    region: ctx.region,
    service: 'ec2',
    type: 'security-group',
    parentId: vpcId,
    limit: 1000,
  })
  const fallback = groups.items.find((g) => ec2Attribute(g, 'GroupName') === 'default')
  return fallback === undefined ? [] : [fallback.id]
}
