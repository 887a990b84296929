import type { Operation } from '../../operation.js'
import { noSuchRole } from '../errors.js'
import { isServiceLinked, requireRole, roleAuthorization } from '../role-access.js'
import { deletionTaskKey } from '../service-linked-roles.js'

const uuid = (bytes: Uint8Array): string => {
  const hex = Buffer.from(bytes).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}

/**
 * IAM DeleteServiceLinkedRole: deletes the role with its policies and returns a deletion task id.
 * AWS deletes asynchronously; Lanyard deletes at once and records the task as SUCCEEDED.
 */
export const deleteServiceLinkedRole: Operation = {
  async authorize(ctx, input) {
    return [await roleAuthorization(ctx, 'iam:DeleteServiceLinkedRole', input.RoleName)]
  },
  async run(ctx, input) {
    const role = await requireRole(ctx, input.RoleName)
    // AWS: unverified; the operation documents NoSuchEntity as its only client error about the role.
    if (!isServiceLinked(role)) throw noSuchRole(role.name)
    const taskId = `task${role.path}${role.name}/${uuid(ctx.random(16))}`
    await ctx.store.roles.delete(role.id)
    await ctx.store.settings.put(role.accountId, deletionTaskKey(taskId), 'SUCCEEDED', ctx.now)
    return { DeletionTaskId: taskId }
  },
}
