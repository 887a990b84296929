import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { loadNamed, saveClassic } from '../loader.js'

/** ELB DeleteLoadBalancerListeners: removes the listeners on the given ports; other ports are ignored. */
export const deleteLoadBalancerListeners: Operation = {
  async authorize(ctx, input) {
    return [onResource('DeleteLoadBalancerListeners', await loadNamed(ctx, input))]
  },
  async run(ctx, input) {
    const lb = await loadNamed(ctx, input)
    const ports = (Array.isArray(input.LoadBalancerPorts) ? input.LoadBalancerPorts : []).map(Number)
    const listeners = lb.attributes.listeners.filter((l) => !ports.includes(l.LoadBalancerPort))
    await saveClassic(ctx, lb, Object.assign({}, lb.attributes, { listeners }))
    return {}
  },
}
