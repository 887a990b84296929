import type { Operation } from '../../operation.js'
import { onResource } from '../authz.js'
import { deleteResource, findResource, requireResource } from '../resource-store.js'

/** EC2 DeleteSnapshot: removes one of the caller's snapshots. */
export const deleteSnapshot: Operation = {
  async authorize(ctx, input) {
    const id = String(input.SnapshotId ?? '')
    return [onResource(ctx, 'ec2:DeleteSnapshot', 'snapshot', id, await findResource(ctx, 'snapshot', id))]
  },
  async run(ctx, input) {
    await deleteResource(ctx, await requireResource(ctx, 'snapshot', input.SnapshotId))
    return {}
  },
}
