import type { Operation } from '../../operation.js'
import { instanceAuthorizations } from '../compute/instance-authorization.js'
import { START, transition } from '../compute/transitions.js'

/** EC2 StartInstances: stopped instances go to pending, then running. */
export const startInstances: Operation = {
  authorize: (ctx, input) => instanceAuthorizations(ctx, 'ec2:StartInstances', input.InstanceIds),
  async run(ctx, input) {
    return { StartingInstances: await transition(ctx, input.InstanceIds as string[], START) }
  },
}
