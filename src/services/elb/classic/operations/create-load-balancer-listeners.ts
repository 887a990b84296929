import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { inputListeners, mergeListeners } from '../listeners.js'
import { loadNamed, saveClassic } from '../loader.js'

/** ELB CreateLoadBalancerListeners: adds listeners; an identical one already there is kept once. */
export const createLoadBalancerListeners: Operation = {
  async authorize(ctx, input) {
    const protocols = inputListeners(input).map((l) => l.Protocol)
    return [
      onResource('CreateLoadBalancerListeners', await loadNamed(ctx, input), {
        'elasticloadbalancing:ListenerProtocol': protocols,
      }),
    ]
  },
  async run(ctx, input) {
    const lb = await loadNamed(ctx, input)
    const listeners = mergeListeners(lb.attributes.name, lb.attributes.listeners, inputListeners(input))
    await saveClassic(ctx, lb, Object.assign({}, lb.attributes, { listeners }))
    return {}
  },
}
