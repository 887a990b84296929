import type { UserRecord } from '../../store/index.js'
import type { AuthorizationRequest, OperationContext } from '../operation.js'
import { userArn } from './arns.js'
import { invalidInput, noSuchUser } from './errors.js'
import { resourceTagContext } from './tag-rules.js'

/** The user an operation names, found (or not) in the caller's account. */
export interface UserTarget {
  readonly account: string
  readonly name: string
  readonly user: UserRecord | undefined
  /** The user's ARN, with its path when it exists. */
  readonly arn: string
}

/** The caller's own user name when it signs as an IAM user. */
export function callerUserName(ctx: OperationContext): string | undefined {
  const principal = ctx.caller?.principal
  return principal?.type === 'User' ? principal.arn.slice(principal.arn.lastIndexOf('/') + 1) : undefined
}

/** The target for `name` in `account`, found as `user` (undefined when it does not exist). */
export function toUserTarget(account: string, name: string, user: UserRecord | undefined): UserTarget {
  return {
    account,
    name,
    user,
    arn: user ? userArn(account, user.path, user.name) : userArn(account, '/', name),
  }
}

/** Looks up a user by name in the caller's account. */
export async function userTarget(ctx: OperationContext, name: string): Promise<UserTarget> {
  const account = ctx.caller!.principal.account
  return toUserTarget(account, name, await ctx.store.users.getByName(account, name))
}

/** The user named by `UserName`, or the caller's user when absent; undefined for the account root. */
export async function userOrCaller(
  ctx: OperationContext,
  input: Record<string, unknown>,
): Promise<UserTarget | undefined> {
  const name = typeof input.UserName === 'string' ? input.UserName : callerUserName(ctx)
  return name === undefined ? undefined : userTarget(ctx, name)
}

/** The authorization of `action` on the target user, with its resource tags. */
export function onUser(
  action: string,
  target: UserTarget,
  context: AuthorizationRequest['context'] = {},
): AuthorizationRequest {
  return {
    action,
    resource: target.arn,
    context: Object.assign(resourceTagContext(target.user?.tags ?? []), context),
  }
}

/** The existing user, or AWS's NoSuchEntity. */
export function requireUser(target: UserTarget): UserRecord {
  if (target.user === undefined) throw noSuchUser(target.name)
  return target.user
}

/** `userOrCaller` for calls that need an IAM user: the account root must name one. */
export async function userOrCallerRequired(
  ctx: OperationContext,
  input: Record<string, unknown>,
): Promise<UserTarget> {
  const target = await userOrCaller(ctx, input)
  if (target === undefined) throw invalidInput('UserName is required when the caller is the account root.')
  return target
}
