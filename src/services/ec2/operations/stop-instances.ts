import type { Operation } from '../../operation.js'
import { instanceAuthorizations } from '../compute/instance-authorization.js'
import { STOP, transition } from '../compute/transitions.js'

/** EC2 StopInstances: running instances go to stopping, then stopped. */
export const stopInstances: Operation = {
  authorize: (ctx, input) => instanceAuthorizations(ctx, 'ec2:StopInstances', input.InstanceIds),
  async run(ctx, input) {
    return { StoppingInstances: await transition(ctx, input.InstanceIds as string[], STOP) }
  },
}
