import type { OperationContext } from '../../operation.js'
import { ec2Attribute, findEc2, loadSecurityGroups, loadSubnets } from '../ec2-refs.js'
import { invalidConfiguration, invalidSecurityGroup, subnetNotFound } from '../errors.js'

/** AWS: classic ELB's InvalidConfigurationRequest is a 409. */
export const classicConfigurationError = (message: string) => invalidConfiguration(message, 409)

/** The subnets' VPC and zones, checked: they exist, share one VPC and take one zone each. */
export async function classicSubnets(
  ctx: OperationContext,
  ids: readonly string[],
): Promise<{ vpcId: string; zones: string[] }> {
  const { subnets, missing } = await loadSubnets(ctx, ids)
  if (missing.length > 0) throw subnetNotFound(missing)
  const vpcs = new Set(subnets.map((s) => s.vpcId))
  if (vpcs.size > 1) throw classicConfigurationError('All subnets must belong to the same VPC')
  const zones = subnets.map((s) => s.availabilityZone)
  if (new Set(zones).size < zones.length)
    throw classicConfigurationError(
      'A load balancer cannot be attached to multiple subnets in the same Availability Zone.',
    )
  return { vpcId: [...vpcs][0] ?? '', zones }
}

/** The security groups, checked to exist in the VPC; none given in a VPC means the VPC's default group. */
export async function classicSecurityGroups(
  ctx: OperationContext,
  ids: readonly string[],
  vpcId: string,
): Promise<{ groups: string[]; sourceGroupName?: string }> {
  const { vpcs, missing } = await loadSecurityGroups(ctx, ids)
  if (missing.length > 0) throw invalidSecurityGroup(missing[0]!)
  for (const [id, vpc] of vpcs) if (vpc !== '' && vpc !== vpcId) throw invalidSecurityGroup(id)
  let groups = [...ids]
  if (groups.length === 0) {
    const all = await ctx.store.cloudResources.list({
      accountId: ctx.caller!.principal.account,
      region: ctx.region,
      service: 'ec2',
      type: 'security-group',
      parentId: vpcId,
      limit: 1000,
    })
    const fallback = all.items.find((g) => ec2Attribute(g, 'GroupName') === 'default')
    groups = fallback === undefined ? [] : [fallback.id]
  }
  const first = groups[0] === undefined ? undefined : await findEc2(ctx, 'security-group', groups[0])
  const name = first === undefined ? undefined : ec2Attribute(first, 'GroupName')
  return { groups, ...(typeof name === 'string' ? { sourceGroupName: name } : {}) }
}
