import { ID_PREFIX, newUniqueId } from '../../../kernel/ids.js'
import type { Operation } from '../../operation.js'
import { requireRoomFor } from '../account-quotas.js'
import { userArn } from '../arns.js'
import { noSuchPolicy } from '../errors.js'
import { userExists } from '../errors-users.js'
import { toUserShape } from '../mappers/user.js'
import { orConflict } from '../store-conflict.js'
import { readTags, requestTagContext, requireDistinctKeys } from '../tag-rules.js'

const pathOf = (input: Record<string, unknown>) => (typeof input.Path === 'string' ? input.Path : '/')

/** IAM CreateUser: a new user with an optional path, permissions boundary and tags. */
export const createUser: Operation = {
  async authorize(ctx, input) {
    const account = ctx.caller!.principal.account
    const boundary = input.PermissionsBoundary
    const context = requestTagContext(readTags(input.Tags))
    if (typeof boundary === 'string') context['iam:PermissionsBoundary'] = boundary
    return [
      {
        action: 'iam:CreateUser',
        resource: userArn(account, pathOf(input), String(input.UserName)),
        context,
      },
    ]
  },
  async run(ctx, input) {
    const account = ctx.caller!.principal.account
    const name = String(input.UserName)
    const tags = readTags(input.Tags)
    requireDistinctKeys(tags)
    const boundary = typeof input.PermissionsBoundary === 'string' ? input.PermissionsBoundary : undefined
    if (boundary !== undefined && (await ctx.store.policies.getByArn(boundary)) === undefined)
      throw noSuchPolicy(boundary)
    await requireRoomFor(ctx.store, account, 'UsersPerAccount')
    const user = await orConflict(
      ctx.store.users.insert({
        id: newUniqueId(ID_PREFIX.user, ctx.random),
        accountId: account,
        name,
        path: pathOf(input),
        ...(boundary === undefined ? {} : { permissionsBoundaryArn: boundary }),
        tags,
        createdAt: ctx.now,
      }),
      () => userExists(name),
    )
    return { User: toUserShape(user) }
  },
}
