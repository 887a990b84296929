import type { Operation } from '../../../operation.js'
import { classicArn } from '../../arns.js'
import { elbAuthorization, onResource } from '../../authz.js'
import { findClassic } from '../loader.js'

/** ELB DeleteLoadBalancer: deletes a classic load balancer; AWS: one that does not exist is no error. */
export const deleteLoadBalancer: Operation = {
  async authorize(ctx, input) {
    const name = String(input.LoadBalancerName)
    const lb = await findClassic(ctx, name)
    return [
      lb === undefined
        ? elbAuthorization('DeleteLoadBalancer', classicArn(ctx, name))
        : onResource('DeleteLoadBalancer', lb),
    ]
  },
  async run(ctx, input) {
    const lb = await findClassic(ctx, String(input.LoadBalancerName))
    if (lb !== undefined) await ctx.store.cloudResources.delete(lb.arn)
    return {}
  },
}
