import type { Operation } from '../../operation.js'
import { instanceAuthorizations } from '../compute/instance-authorization.js'
import { REBOOT, transition } from '../compute/transitions.js'

/** EC2 RebootInstances: running instances reboot; their state stays running. */
export const rebootInstances: Operation = {
  authorize: (ctx, input) => instanceAuthorizations(ctx, 'ec2:RebootInstances', input.InstanceIds),
  async run(ctx, input) {
    await transition(ctx, input.InstanceIds as string[], REBOOT)
    return {}
  },
}
