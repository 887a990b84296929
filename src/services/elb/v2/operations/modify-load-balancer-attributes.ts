import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { loadLoadBalancer } from '../loaders.js'
import { applySettings, attributeShapes } from '../settings.js'

/** ELBv2 ModifyLoadBalancerAttributes: sets attributes the load balancer's type has; answers them all. */
export const modifyLoadBalancerAttributes: Operation = {
  async authorize(ctx, input) {
    return [
      onResource('ModifyLoadBalancerAttributes', await loadLoadBalancer(ctx, String(input.LoadBalancerArn))),
    ]
  },
  async run(ctx, input) {
    const lb = await loadLoadBalancer(ctx, String(input.LoadBalancerArn))
    const settings = applySettings(lb.attributes.settings, input, 'Load balancer')
    await ctx.store.cloudResources.update(
      lb.arn,
      { attributes: { ...lb.attributes, settings }, at: ctx.now },
      lb.revision,
    )
    return { Attributes: attributeShapes(settings) }
  },
}
