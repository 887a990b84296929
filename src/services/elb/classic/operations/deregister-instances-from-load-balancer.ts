import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { inputInstanceIds, instanceShapes, invalidInstance } from '../instances.js'
import { loadNamed, saveClassic } from '../loader.js'

/** ELB DeregisterInstancesFromLoadBalancer: removes instances; AWS: one that is not registered is InvalidInstance. */
export const deregisterInstancesFromLoadBalancer: Operation = {
  async authorize(ctx, input) {
    return [onResource('DeregisterInstancesFromLoadBalancer', await loadNamed(ctx, input))]
  },
  async run(ctx, input) {
    const lb = await loadNamed(ctx, input)
    const ids = inputInstanceIds(input)
    const unknown = ids.find((id) => !lb.attributes.instances.some((i) => i.id === id))
    if (unknown !== undefined) throw invalidInstance(unknown)
    const instances = lb.attributes.instances.filter((i) => !ids.includes(i.id))
    await saveClassic(ctx, lb, { ...lb.attributes, instances })
    return { Instances: instanceShapes(instances) }
  },
}
