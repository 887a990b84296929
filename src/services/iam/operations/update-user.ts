import type { Operation } from '../../operation.js'
import { userArn } from '../arns.js'
import { userExists } from '../errors-users.js'
import { orConflict } from '../store-conflict.js'
import { onUser, requireUser, userTarget } from '../user-target.js'

/** IAM UpdateUser: renames a user or changes its path. */
export const updateUser: Operation = {
  async authorize(ctx, input) {
    const target = await userTarget(ctx, String(input.UserName))
    const requests = [onUser('iam:UpdateUser', target)]
    // AWS: a rename or move needs the permission on the source and on the target ARN.
    if (input.NewUserName !== undefined || input.NewPath !== undefined) {
      const path = typeof input.NewPath === 'string' ? input.NewPath : (target.user?.path ?? '/')
      const name = typeof input.NewUserName === 'string' ? input.NewUserName : target.name
      const arn = userArn(target.account, path, name)
      if (arn !== target.arn) requests.push({ action: 'iam:UpdateUser', resource: arn, context: {} })
    }
    return requests
  },
  async run(ctx, input) {
    const user = requireUser(await userTarget(ctx, String(input.UserName)))
    const name = typeof input.NewUserName === 'string' ? input.NewUserName : undefined
    const path = typeof input.NewPath === 'string' ? input.NewPath : undefined
    if (name === undefined && path === undefined) return {}
    const change: { name?: string; path?: string } = {}
    if (name !== undefined) change.name = name
    if (path !== undefined) change.path = path
    await orConflict(ctx.store.users.update(user.id, change), () => userExists(name ?? user.name))
    return {}
  },
}
