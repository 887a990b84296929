import type { Operation } from '../../operation.js'
import { deleteConflictFor } from '../errors-users.js'
import { groupTarget, onGroup, requireGroup } from '../group-target.js'

/** IAM DeleteGroup: only once it has no members and no policies. */
export const deleteGroup: Operation = {
  async authorize(ctx, input) {
    return [onGroup('iam:DeleteGroup', await groupTarget(ctx, String(input.GroupName)))]
  },
  async run(ctx, input) {
    const group = requireGroup(await groupTarget(ctx, String(input.GroupName)))
    const owner = { kind: 'group', id: group.id } as const
    const { store } = ctx
    if ((await store.groups.listMembers(group.id)).length > 0) throw deleteConflictFor('groups')
    if ((await store.inlinePolicies.list(owner)).length > 0) throw deleteConflictFor('inlinePolicies')
    if ((await store.attachments.listForPrincipal(owner)).length > 0)
      throw deleteConflictFor('attachedPolicies')
    await store.groups.delete(group.id)
    return {}
  },
}
