import { ID_PREFIX, newUniqueId } from '../../../kernel/ids.js'
import { StoreConflict } from '../../../store/index.js'
import type { Operation } from '../../operation.js'
import { requireRoomFor } from '../account-quotas.js'
import { roleArn } from '../arns.js'
import { noSuchEntity } from '../errors.js'
import { roleExists } from '../errors-roles.js'
import { callerAccount, shownRole } from '../role-access.js'
import { checkRequestTags, inputTags, requestTagContext } from '../tag-edits.js'
import { prepareTrustPolicy } from '../trust-policy.js'

/** AWS: a permissions boundary that names no managed policy. */
export const noSuchBoundary = (arn: string) =>
  noSuchEntity(`Scope ARN: ${arn} does not exist or is not attachable.`)

/** IAM CreateRole: a role with a validated trust policy, optional boundary, description, duration and tags. */
export const createRole: Operation = {
  async authorize(ctx, input) {
    const boundary = input.PermissionsBoundary
    const context = requestTagContext(inputTags(input))
    if (typeof boundary === 'string') context['iam:PermissionsBoundary'] = boundary
    return [
      {
        action: 'iam:CreateRole',
        resource: roleArn(callerAccount(ctx), String(input.Path ?? '/'), String(input.RoleName)),
        context,
      },
    ]
  },
  async run(ctx, input) {
    const account = callerAccount(ctx)
    const name = String(input.RoleName)
    const tags = inputTags(input)
    checkRequestTags(tags)
    const trustPolicy = await prepareTrustPolicy(ctx.store, account, String(input.AssumeRolePolicyDocument))
    const boundary = typeof input.PermissionsBoundary === 'string' ? input.PermissionsBoundary : undefined
    if (boundary !== undefined && (await ctx.store.policies.getByArn(boundary)) === undefined)
      throw noSuchBoundary(boundary)
    if ((await ctx.store.roles.getByName(account, name)) !== undefined) throw roleExists(name)
    await requireRoomFor(ctx.store, account, 'RolesPerAccount')
    try {
      const role = await ctx.store.roles.insert({
        id: newUniqueId(ID_PREFIX.role, ctx.random),
        accountId: account,
        name,
        path: String(input.Path ?? '/'),
        trustPolicy,
        ...(typeof input.Description === 'string' ? { description: input.Description } : {}),
        maxSessionDuration: typeof input.MaxSessionDuration === 'number' ? input.MaxSessionDuration : 3600,
        ...(boundary !== undefined ? { permissionsBoundaryArn: boundary } : {}),
        tags,
        createdAt: ctx.now,
      })
      return { Role: await shownRole(ctx, role, 'create') }
    } catch (error) {
      if (error instanceof StoreConflict) throw roleExists(name)
      throw error
    }
  },
}
