import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { changeAttributes } from '../../update.js'
import { inputInstanceIds, instanceShapes, invalidInstance } from '../instances.js'
import { loadNamed } from '../loader.js'

/** ELB DeregisterInstancesFromLoadBalancer: removes instances; AWS: one that is not registered is InvalidInstance. */
export const deregisterInstancesFromLoadBalancer: Operation = {
  async authorize(ctx, input) {
    return [onResource('DeregisterInstancesFromLoadBalancer', await loadNamed(ctx, input))]
  },
  async run(ctx, input) {
    const ids = inputInstanceIds(input)
    const lb = await changeAttributes(
      ctx,
      () => loadNamed(ctx, input),
      (current) => {
        const unknown = ids.find((id) => !current.attributes.instances.some((i) => i.id === id))
        if (unknown !== undefined) throw invalidInstance(unknown)
        return Object.assign({}, current.attributes, {
          instances: current.attributes.instances.filter((i) => !ids.includes(i.id)),
        })
      },
    )
    return { Instances: instanceShapes(lb.attributes.instances) }
  },
}
