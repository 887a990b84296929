import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { instanceState } from '../../ec2-refs.js'
import { inputInstanceIds, instanceShapes, invalidInstance } from '../instances.js'
import { loadNamed, saveClassic } from '../loader.js'

/** ELB RegisterInstancesWithLoadBalancer: adds EC2 instances; answers every registered instance. */
export const registerInstancesWithLoadBalancer: Operation = {
  async authorize(ctx, input) {
    return [onResource('RegisterInstancesWithLoadBalancer', await loadNamed(ctx, input))]
  },
  async run(ctx, input) {
    const lb = await loadNamed(ctx, input)
    const instances = [...lb.attributes.instances]
    for (const id of inputInstanceIds(input)) {
      if ((await instanceState(ctx, id)) === undefined) throw invalidInstance(id)
      if (!instances.some((i) => i.id === id)) instances.push({ id, registeredAt: ctx.now.getTime() })
    }
    await saveClassic(ctx, lb, { ...lb.attributes, instances })
    return { Instances: instanceShapes(instances) }
  },
}
