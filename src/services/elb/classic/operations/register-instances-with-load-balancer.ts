import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { instanceState } from '../../ec2-refs.js'
import { changeAttributes } from '../../update.js'
import { inputInstanceIds, instanceShapes, invalidInstance } from '../instances.js'
import { loadNamed } from '../loader.js'

/** ELB RegisterInstancesWithLoadBalancer: adds EC2 instances; answers every registered instance. */
export const registerInstancesWithLoadBalancer: Operation = {
  async authorize(ctx, input) {
    return [onResource('RegisterInstancesWithLoadBalancer', await loadNamed(ctx, input))]
  },
  async run(ctx, input) {
    const ids = inputInstanceIds(input)
    for (const id of ids) if ((await instanceState(ctx, id)) === undefined) throw invalidInstance(id)
    const lb = await changeAttributes(
      ctx,
      () => loadNamed(ctx, input),
      (current) => {
        const instances = [...current.attributes.instances]
        for (const id of ids)
          if (!instances.some((i) => i.id === id)) instances.push({ id, registeredAt: ctx.now.getTime() })
        return Object.assign({}, current.attributes, { instances })
      },
    )
    return { Instances: instanceShapes(lb.attributes.instances) }
  },
}
