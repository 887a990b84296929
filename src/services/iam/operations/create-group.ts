import { ID_PREFIX, newUniqueId } from '../../../kernel/ids.js'
import type { Operation } from '../../operation.js'
import { requireRoomFor } from '../account-quotas.js'
import { groupArn } from '../arns.js'
import { groupExists } from '../errors-users.js'
import { toGroupShape } from '../mappers/group.js'
import { orConflict } from '../store-conflict.js'

const pathOf = (input: Record<string, unknown>) => (typeof input.Path === 'string' ? input.Path : '/')

/** IAM CreateGroup. */
export const createGroup: Operation = {
  async authorize(ctx, input) {
    const account = ctx.caller!.principal.account
    return [
      { action: 'iam:CreateGroup', resource: groupArn(account, pathOf(input), String(input.GroupName)) },
    ]
  },
  async run(ctx, input) {
    const name = String(input.GroupName)
    await requireRoomFor(ctx.store, ctx.caller!.principal.account, 'GroupsPerAccount')
    const group = await orConflict(
      ctx.store.groups.insert({
        id: newUniqueId(ID_PREFIX.group, ctx.random),
        accountId: ctx.caller!.principal.account,
        name,
        path: pathOf(input),
        createdAt: ctx.now,
      }),
      () => groupExists(name),
    )
    return { Group: toGroupShape(group) }
  },
}
