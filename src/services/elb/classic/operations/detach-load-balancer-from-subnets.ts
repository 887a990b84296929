import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { validationError } from '../../errors.js'
import { loadNamed, saveClassic } from '../loader.js'
import { classicSubnets } from '../placement.js'

const subnetsOf = (input: Record<string, unknown>): string[] =>
  Array.isArray(input.Subnets) ? input.Subnets.map(String) : []

/** ELB DetachLoadBalancerFromSubnets: removes subnets (never the last one); answers the subnets left. */
export const detachLoadBalancerFromSubnets: Operation = {
  async authorize(ctx, input) {
    return [onResource('DetachLoadBalancerFromSubnets', await loadNamed(ctx, input))]
  },
  async run(ctx, input) {
    const lb = await loadNamed(ctx, input)
    const removed = subnetsOf(input)
    const subnets = lb.attributes.subnets.filter((s) => !removed.includes(s))
    if (subnets.length === 0 && lb.attributes.subnets.length > 0)
      throw validationError('A load balancer must be attached to at least one subnet')
    const { zones } = subnets.length === 0 ? { zones: [] } : await classicSubnets(ctx, subnets)
    await saveClassic(ctx, lb, Object.assign({}, lb.attributes, { subnets, availabilityZones: zones }))
    return { Subnets: subnets }
  },
}
