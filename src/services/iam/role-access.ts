import type { ContextValue } from '../../policy/index.js'
import type { RoleRecord } from '../../store/index.js'
import type { AuthorizationRequest, OperationContext } from '../operation.js'
import { roleArn } from './arns.js'
import { noSuchRole } from './errors.js'
import { type RoleView, toRoleShape } from './mappers/role.js'
import { resourceTagContext } from './tag-edits.js'
import { presentTrustPolicy } from './trust-policy.js'

/** The path prefix of service-linked roles. */
export const SERVICE_ROLE_PATH = '/aws-service-role/'

/** The account an IAM call acts on: the caller's. */
export const callerAccount = (ctx: OperationContext): string => ctx.caller!.principal.account

/** Whether a role is service-linked (its path is under `/aws-service-role/`). */
export const isServiceLinked = (role: RoleRecord): boolean => role.path.startsWith(SERVICE_ROLE_PATH)

/** The named role of the caller's account, or undefined. */
export function findRole(ctx: OperationContext, name: unknown): Promise<RoleRecord | undefined> {
  return ctx.store.roles.getByName(callerAccount(ctx), String(name))
}

/** The named role of the caller's account; NoSuchEntity when it is missing. */
export async function requireRole(ctx: OperationContext, name: unknown): Promise<RoleRecord> {
  const role = await findRole(ctx, name)
  if (role === undefined) throw noSuchRole(String(name))
  return role
}

/** The context keys a call on an existing role carries: its tags and, when asked, its boundary. */
export function roleContext(role: RoleRecord, boundaryKey: boolean): Record<string, ContextValue> {
  const context = resourceTagContext(role.tags, true)
  if (boundaryKey && role.permissionsBoundaryArn !== undefined)
    context['iam:PermissionsBoundary'] = role.permissionsBoundaryArn
  return context
}

/**
 * What a call on a named role authorizes: the action on the role's ARN (with its path), with the role's tags and,
 * for the actions whose reference lists it, `iam:PermissionsBoundary`. A missing role is authorized on `role/<name>`.
 */
export async function roleAuthorization(
  ctx: OperationContext,
  action: string,
  name: unknown,
  options: {
    readonly boundaryKey?: boolean
    readonly context?: Record<string, ContextValue>
    /** The role already being looked up, when the caller needs it too. */
    readonly role?: Promise<RoleRecord | undefined>
  } = {},
): Promise<AuthorizationRequest> {
  const account = callerAccount(ctx)
  const role = await (options.role ?? findRole(ctx, name))
  if (role === undefined)
    return { action, resource: roleArn(account, '/', String(name)), context: options.context ?? {} }
  return {
    action,
    resource: roleArn(account, role.path, role.name),
    context: Object.assign(roleContext(role, options.boundaryKey === true), options.context),
  }
}

/** The `Role` shape of a record, with its trust policy mapped back to ARNs. */
export async function shownRole(ctx: OperationContext, role: RoleRecord, view: RoleView) {
  return toRoleShape(role, await presentTrustPolicy(ctx.store, role.trustPolicy), view)
}
