import type { Operation } from '../../../operation.js'
import { elbAuthorization, onResource } from '../../authz.js'
import { operationNotPermitted } from '../../errors.js'
import { deleteListenerRecord } from '../detach.js'
import { findLoadBalancer, listenersOf, rulesOf } from '../loaders.js'

/** ELBv2 DeleteLoadBalancer: deletes the load balancer and its listeners; AWS: a load balancer already gone is no error. */
export const deleteLoadBalancer: Operation = {
  async authorize(ctx, input) {
    const arn = String(input.LoadBalancerArn)
    const lb = await findLoadBalancer(ctx, arn)
    return [
      lb === undefined ? elbAuthorization('DeleteLoadBalancer', arn) : onResource('DeleteLoadBalancer', lb),
    ]
  },
  async run(ctx, input) {
    const lb = await findLoadBalancer(ctx, String(input.LoadBalancerArn))
    if (lb === undefined) return {}
    if (lb.attributes.settings['deletion_protection.enabled'] === 'true')
      throw operationNotPermitted(
        `Load balancer '${lb.arn}' cannot be deleted because deletion protection is enabled`,
      )
    const listeners = await listenersOf(ctx, lb.arn)
    const rules = await Promise.all(listeners.map((listener) => rulesOf(ctx, listener.arn)))
    await ctx.store.transaction(async (tx) => {
      for (const [i, listener] of listeners.entries())
        await deleteListenerRecord(tx, listener, rules[i]!, ctx.now)
      await tx.cloudResources.delete(lb.arn)
    })
    return {}
  },
}
