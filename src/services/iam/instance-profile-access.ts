import type { ContextValue } from '../../policy/index.js'
import type { InstanceProfileRecord } from '../../store/index.js'
import type { AuthorizationRequest, OperationContext } from '../operation.js'
import { noSuchInstanceProfile } from './errors-roles.js'
import { instanceProfileArn, toInstanceProfileShape } from './mappers/instance-profile.js'
import { callerAccount, shownRole } from './role-access.js'
import { resourceTagContext } from './tag-edits.js'

/** The named instance profile of the caller's account; NoSuchEntity when it is missing. */
export async function requireInstanceProfile(
  ctx: OperationContext,
  name: unknown,
): Promise<InstanceProfileRecord> {
  const profile = await ctx.store.instanceProfiles.getByName(callerAccount(ctx), String(name))
  if (profile === undefined) throw noSuchInstanceProfile(String(name))
  return profile
}

/** What a call on a named instance profile authorizes: the action on its ARN (with path) and its tags. */
export async function instanceProfileAuthorization(
  ctx: OperationContext,
  action: string,
  name: unknown,
  context: Record<string, ContextValue> = {},
): Promise<AuthorizationRequest> {
  const account = callerAccount(ctx)
  const profile = await ctx.store.instanceProfiles.getByName(account, String(name))
  if (profile === undefined)
    return { action, resource: instanceProfileArn(account, '/', String(name)), context }
  return {
    action,
    resource: instanceProfileArn(account, profile.path, profile.name),
    context: Object.assign(resourceTagContext(profile.tags), context),
  }
}

/** The `InstanceProfile` shape with its roles (in their list form). */
export async function shownInstanceProfile(
  ctx: OperationContext,
  profile: InstanceProfileRecord,
  withTags: boolean,
): Promise<Record<string, unknown>> {
  const roles = []
  for (const id of profile.roleIds) {
    const role = await ctx.store.roles.get(id)
    if (role !== undefined) roles.push(await shownRole(ctx, role, 'list'))
  }
  return toInstanceProfileShape(profile, roles, withTags)
}
