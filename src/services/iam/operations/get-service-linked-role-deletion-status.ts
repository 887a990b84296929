import type { Operation } from '../../operation.js'
import { roleArn } from '../arns.js'
import { invalidInput, noSuchEntity } from '../errors.js'
import { callerAccount, SERVICE_ROLE_PATH } from '../role-access.js'
import { deletionTaskKey, parseDeletionTaskId } from '../service-linked-roles.js'

/** IAM GetServiceLinkedRoleDeletionStatus: the status of a task DeleteServiceLinkedRole returned. */
export const getServiceLinkedRoleDeletionStatus: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    const task = parseDeletionTaskId(String(input.DeletionTaskId))
    const resource =
      task === undefined
        ? '*'
        : roleArn(callerAccount(ctx), `${SERVICE_ROLE_PATH}${task.service}/`, task.roleName)
    return [{ action: 'iam:GetServiceLinkedRoleDeletionStatus', resource }]
  },
  async run(ctx, input) {
    const taskId = String(input.DeletionTaskId)
    // AWS: unverified wording for both errors.
    if (parseDeletionTaskId(taskId) === undefined) throw invalidInput(`Invalid deletion task id: ${taskId}`)
    const status = await ctx.store.settings.get(callerAccount(ctx), deletionTaskKey(taskId))
    if (status === undefined) throw noSuchEntity(`Deletion task ${taskId} cannot be found.`)
    return { Status: status }
  },
}
