import type { Operation } from '../../../operation.js'
import { elbAuthorization } from '../../authz.js'
import { instanceState, isRunningState } from '../../ec2-refs.js'
import { inputInstanceIds, invalidInstance } from '../instances.js'
import { loadNamed } from '../loader.js'

/** How long a new registration reports OutOfService before its first passing health check. */
const REGISTRATION_MS = 1_000

/**
 * ELB DescribeInstanceHealth: the state of every registered instance, or of the ones asked for. Nothing probes
 * instances: a running registered instance is InService once its registration has settled.
 */
export const describeInstanceHealth: Operation = {
  readOnly: true,
  async authorize() {
    return [elbAuthorization('DescribeInstanceHealth', '*')]
  },
  async run(ctx, input) {
    const lb = await loadNamed(ctx, input)
    const asked = inputInstanceIds(input)
    const instances =
      asked.length === 0
        ? lb.attributes.instances
        : asked.map((id) => {
            const found = lb.attributes.instances.find((i) => i.id === id)
            if (found === undefined) throw invalidInstance(id)
            return found
          })
    const states = []
    for (const instance of instances) {
      const state = (await instanceState(ctx, instance.id)) ?? 'terminated'
      if (!isRunningState(state))
        states.push({
          InstanceId: instance.id,
          State: 'OutOfService',
          ReasonCode: 'Instance',
          Description: `Instance is in ${state} state.`,
        })
      else if (ctx.now.getTime() < instance.registeredAt + REGISTRATION_MS)
        states.push({
          InstanceId: instance.id,
          State: 'OutOfService',
          ReasonCode: 'ELB',
          Description: 'Instance registration is still in progress.',
        })
      else states.push({ InstanceId: instance.id, State: 'InService', ReasonCode: 'N/A', Description: 'N/A' })
    }
    return { InstanceStates: states }
  },
}
