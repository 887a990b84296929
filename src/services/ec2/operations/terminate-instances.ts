import type { Operation } from '../../operation.js'
import { instanceAuthorizations } from '../compute/instance-authorization.js'
import { TERMINATE, transition } from '../compute/transitions.js'

/** EC2 TerminateInstances: instances go to shutting-down, then terminated; their volumes are released. */
export const terminateInstances: Operation = {
  authorize: (ctx, input) => instanceAuthorizations(ctx, 'ec2:TerminateInstances', input.InstanceIds),
  async run(ctx, input) {
    return { TerminatingInstances: await transition(ctx, input.InstanceIds as string[], TERMINATE) }
  },
}
