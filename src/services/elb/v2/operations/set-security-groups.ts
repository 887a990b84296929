import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { validationError } from '../../errors.js'
import { loadLoadBalancer } from '../loaders.js'
import { securityGroupsFor } from '../placement.js'

const groupsOf = (input: Record<string, unknown>): string[] =>
  Array.isArray(input.SecurityGroups) ? input.SecurityGroups.map(String) : []

/** ELBv2 SetSecurityGroups: replaces the security groups of a load balancer (groups of its VPC). */
export const setSecurityGroups: Operation = {
  async authorize(ctx, input) {
    const lb = await loadLoadBalancer(ctx, String(input.LoadBalancerArn))
    return [onResource('SetSecurityGroups', lb, { 'elasticloadbalancing:SecurityGroup': groupsOf(input) })]
  },
  async run(ctx, input) {
    const lb = await loadLoadBalancer(ctx, String(input.LoadBalancerArn))
    const asked = groupsOf(input)
    // AWS: a network load balancer created without security groups can never have any.
    if (lb.attributes.type === 'network' && lb.attributes.securityGroups.length === 0 && asked.length > 0)
      throw validationError(
        'A network load balancer created without security groups cannot have security groups added',
      )
    const securityGroups = await securityGroupsFor(ctx, asked, lb.attributes.vpcId, 'network')
    await ctx.store.cloudResources.update(
      lb.arn,
      { attributes: Object.assign({}, lb.attributes, { securityGroups }), at: ctx.now },
      lb.revision,
    )
    return { SecurityGroupIds: securityGroups }
  },
}
