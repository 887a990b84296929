import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { loadNamed, saveClassic } from '../loader.js'
import { classicConfigurationError, classicSubnets } from '../placement.js'

const subnetsOf = (input: Record<string, unknown>): string[] =>
  Array.isArray(input.Subnets) ? input.Subnets.map(String) : []

/** ELB AttachLoadBalancerToSubnets: adds subnets (one per zone, the load balancer's VPC); answers all its subnets. */
export const attachLoadBalancerToSubnets: Operation = {
  async authorize(ctx, input) {
    const lb = await loadNamed(ctx, input)
    return [
      onResource('AttachLoadBalancerToSubnets', lb, { 'elasticloadbalancing:Subnet': subnetsOf(input) }),
    ]
  },
  async run(ctx, input) {
    const lb = await loadNamed(ctx, input)
    if (lb.attributes.vpcId === undefined)
      throw classicConfigurationError('Subnets can only be attached to a load balancer in a VPC.')
    const subnets = [...new Set([...lb.attributes.subnets, ...subnetsOf(input)])]
    const { vpcId, zones } = await classicSubnets(ctx, subnets)
    if (vpcId !== lb.attributes.vpcId)
      throw classicConfigurationError('All subnets must belong to the same VPC')
    await saveClassic(ctx, lb, Object.assign({}, lb.attributes, { subnets, availabilityZones: zones }))
    return { Subnets: subnets }
  },
}
