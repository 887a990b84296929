import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { loadNamed, saveClassic } from '../loader.js'
import { classicConfigurationError, classicSecurityGroups } from '../placement.js'

const groupsOf = (input: Record<string, unknown>): string[] =>
  Array.isArray(input.SecurityGroups) ? input.SecurityGroups.map(String) : []

/** ELB ApplySecurityGroupsToLoadBalancer: replaces the security groups of a load balancer in a VPC. */
export const applySecurityGroupsToLoadBalancer: Operation = {
  async authorize(ctx, input) {
    const lb = await loadNamed(ctx, input)
    return [
      onResource('ApplySecurityGroupsToLoadBalancer', lb, {
        'elasticloadbalancing:SecurityGroup': groupsOf(input),
      }),
    ]
  },
  async run(ctx, input) {
    const lb = await loadNamed(ctx, input)
    if (lb.attributes.vpcId === undefined)
      throw classicConfigurationError('Security groups can only be applied to a load balancer in a VPC.')
    const { groups, sourceGroupName } = await classicSecurityGroups(ctx, groupsOf(input), lb.attributes.vpcId)
    const { sourceGroupName: _, ...rest } = lb.attributes
    await saveClassic(
      ctx,
      lb,
      Object.assign({}, rest, {
        securityGroups: groups,
        ...(sourceGroupName === undefined ? {} : { sourceGroupName }),
      }),
    )
    return { SecurityGroups: groups }
  },
}
