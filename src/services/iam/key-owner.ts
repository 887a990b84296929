import type { AccessKeyRecord, UserRecord } from '../../store/index.js'
import type { AuthorizationRequest, OperationContext } from '../operation.js'
import { rootArn } from './arns.js'
import { noSuchAccessKey } from './errors-users.js'
import { onUser, requireUser, type UserTarget, userOrCaller } from './user-target.js'

/** Whose access keys a call manages: the named user, the calling user, or the account root. */
export interface KeyOwner {
  readonly account: string
  /** Undefined for the account root. */
  readonly target: UserTarget | undefined
}

/** Reads `UserName` (absent = the caller, the root included). */
export async function keyOwner(ctx: OperationContext, input: Record<string, unknown>): Promise<KeyOwner> {
  return { account: ctx.caller!.principal.account, target: await userOrCaller(ctx, input) }
}

/** The authorization of `action` on the key owner. */
export function onKeyOwner(action: string, owner: KeyOwner): AuthorizationRequest {
  return owner.target ? onUser(action, owner.target) : { action, resource: rootArn(owner.account) }
}

/** The owner's user (undefined for the root), or NoSuchEntity when the named user is missing. */
export function ownerUser(owner: KeyOwner): UserRecord | undefined {
  return owner.target === undefined ? undefined : requireUser(owner.target)
}

/** The owner's keys, oldest first. */
export async function ownerKeys(ctx: OperationContext, owner: KeyOwner): Promise<readonly AccessKeyRecord[]> {
  const user = ownerUser(owner)
  return user ? ctx.store.accessKeys.listForUser(user.id) : ctx.store.accessKeys.listForRoot(owner.account)
}

/** The owner's key with this id, or NoSuchEntity. */
export async function ownerKey(ctx: OperationContext, owner: KeyOwner, id: string): Promise<AccessKeyRecord> {
  const key = (await ownerKeys(ctx, owner)).find((k) => k.id === id)
  if (key === undefined) throw noSuchAccessKey(id)
  return key
}
