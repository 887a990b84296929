import type { Operation } from '../../operation.js'
import { groupArn } from '../arns.js'
import { groupExists } from '../errors-users.js'
import { groupTarget, onGroup, requireGroup } from '../group-target.js'
import { orConflict } from '../store-conflict.js'

/** IAM UpdateGroup: renames a group or changes its path. */
export const updateGroup: Operation = {
  async authorize(ctx, input) {
    const target = await groupTarget(ctx, String(input.GroupName))
    const requests = [onGroup('iam:UpdateGroup', target)]
    // AWS: a rename or move needs the permission on the source and on the target ARN.
    const path = typeof input.NewPath === 'string' ? input.NewPath : (target.group?.path ?? '/')
    const name = typeof input.NewGroupName === 'string' ? input.NewGroupName : target.name
    const arn = groupArn(target.account, path, name)
    if (arn !== target.arn) requests.push({ action: 'iam:UpdateGroup', resource: arn })
    return requests
  },
  async run(ctx, input) {
    const group = requireGroup(await groupTarget(ctx, String(input.GroupName)))
    const name = typeof input.NewGroupName === 'string' ? input.NewGroupName : undefined
    const path = typeof input.NewPath === 'string' ? input.NewPath : undefined
    if (name === undefined && path === undefined) return {}
    const change: { name?: string; path?: string } = {}
    if (name !== undefined) change.name = name
    if (path !== undefined) change.path = path
    await orConflict(ctx.store.groups.update(group.id, change), () => groupExists(name ?? group.name))
    return {}
  },
}
