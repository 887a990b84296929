import type { Operation } from '../../operation.js'
import { instanceAuthorizations } from '../compute/instance-authorization.js'
import { requireInstances } from '../compute/instances.js'
import { checkStartQuota } from '../compute/start-quota.js'
import { START, transition } from '../compute/transitions.js'

/** EC2 StartInstances: stopped instances go to pending, then running, if they fit the quotas. */
export const startInstances: Operation = {
  authorize: (ctx, input) => instanceAuthorizations(ctx, 'ec2:StartInstances', input.InstanceIds),
  async run(ctx, input) {
    const ids = input.InstanceIds as string[]
    await checkStartQuota(ctx, await requireInstances(ctx, ids))
    return { StartingInstances: await transition(ctx, ids, START) }
  },
}
