import type { Operation } from '../../operation.js'
import { deleteConflictFor } from '../errors-users.js'
import { onUser, requireUser, userTarget } from '../user-target.js'

/** IAM DeleteUser: only once the user has no credentials, policies or groups left. */
export const deleteUser: Operation = {
  async authorize(ctx, input) {
    return [onUser('iam:DeleteUser', await userTarget(ctx, String(input.UserName)))]
  },
  async run(ctx, input) {
    const user = requireUser(await userTarget(ctx, String(input.UserName)))
    const owner = { kind: 'user', id: user.id } as const
    const { store } = ctx
    // AWS: the conflicts are reported in this order.
    if ((await store.loginProfiles.get(user.id)) !== undefined) throw deleteConflictFor('loginProfile')
    if ((await store.accessKeys.listForUser(user.id)).length > 0) throw deleteConflictFor('accessKeys')
    if ((await store.mfaDevices.listForUser(user.id)).length > 0) throw deleteConflictFor('mfaDevices')
    if ((await store.inlinePolicies.list(owner)).length > 0) throw deleteConflictFor('inlinePolicies')
    if ((await store.attachments.listForPrincipal(owner)).length > 0)
      throw deleteConflictFor('attachedPolicies')
    if ((await store.groups.listForUser(user.id)).length > 0) throw deleteConflictFor('groups')
    await store.users.delete(user.id)
    return {}
  },
}
