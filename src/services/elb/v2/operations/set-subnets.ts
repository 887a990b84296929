import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { invalidConfiguration } from '../../errors.js'
import { loadLoadBalancer } from '../loaders.js'
import { inputSubnetIds, placeInSubnets } from '../placement.js'

/** ELBv2 SetSubnets: replaces the subnets (one per zone, same VPC) of a load balancer; answers its zones. */
export const setSubnets: Operation = {
  async authorize(ctx, input) {
    const lb = await loadLoadBalancer(ctx, String(input.LoadBalancerArn))
    return [onResource('SetSubnets', lb, { 'elasticloadbalancing:Subnet': inputSubnetIds(input) })]
  },
  async run(ctx, input) {
    const lb = await loadLoadBalancer(ctx, String(input.LoadBalancerArn))
    const { vpcId, zones } = await placeInSubnets(ctx, inputSubnetIds(input), lb.attributes.type)
    if (vpcId !== lb.attributes.vpcId) throw invalidConfiguration('All subnets must belong to the same VPC')
    const ipAddressType =
      typeof input.IpAddressType === 'string' ? input.IpAddressType : lb.attributes.ipAddressType
    await ctx.store.cloudResources.update(
      lb.arn,
      { attributes: Object.assign({}, lb.attributes, { zones, ipAddressType }), at: ctx.now },
      lb.revision,
    )
    return {
      AvailabilityZones: zones.map((z) => ({
        ZoneName: z.zoneName,
        SubnetId: z.subnetId,
        LoadBalancerAddresses: [],
      })),
      IpAddressType: ipAddressType,
    }
  },
}
