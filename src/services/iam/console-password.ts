import type { Store } from '../../store/index.js'
import { userArn } from './arns.js'
import { verifyMfaCode } from './mfa-codes.js'
import { verifyPassword } from './passwords.js'

/** What a console sign-in form sends. */
export interface ConsoleCredentials {
  /** The 12-digit account id or the account alias. */
  readonly account: string
  readonly userName: string
  readonly password: string
  /** The current code of one of the user's MFA devices; needed when the user has one. */
  readonly mfaCode?: string
}

/** The outcome of a password check: the user, or why it failed (the console shows one text for all failures). */
export type ConsolePasswordCheck =
  | {
      readonly ok: true
      readonly accountId: string
      readonly userId: string
      readonly userName: string
      readonly userArn: string
      readonly mfaUsed: boolean
      /** The login profile asks for a new password (the console has the user change it first). */
      readonly passwordResetRequired: boolean
    }
  | {
      readonly ok: false
      readonly reason: 'failed' | 'mfa-required' | 'mfa-failed'
      /** The account and user when they were found, for the audit trail. */
      readonly accountId?: string
      readonly userName?: string
    }

/**
 * Checks an IAM user's console password (the login profile) and, when the user has MFA devices, a code of one
 * of them. A missing account, user or login profile and a wrong password all answer `failed`.
 */
export async function checkConsolePassword(
  store: Store,
  credentials: ConsoleCredentials,
  now: Date,
): Promise<ConsolePasswordCheck> {
  const account = /^\d{12}$/.test(credentials.account)
    ? await store.accounts.get(credentials.account)
    : await store.accounts.getByAlias(credentials.account)
  if (account === undefined) return { ok: false, reason: 'failed' }
  const user = await store.users.getByName(account.id, credentials.userName)
  const profile = user && (await store.loginProfiles.get(user.id))
  if (
    user === undefined ||
    profile === undefined ||
    !(await verifyPassword(credentials.password, profile.passwordHash))
  )
    return { ok: false, reason: 'failed', accountId: account.id, userName: credentials.userName }
  const seen = { accountId: account.id, userName: user.name }
  const devices = await store.mfaDevices.listForUser(user.id)
  if (devices.length > 0) {
    if (credentials.mfaCode === undefined || credentials.mfaCode === '')
      return { ok: false, reason: 'mfa-required', ...seen }
    let accepted = false
    for (const device of devices) {
      if ((await verifyMfaCode(store, device.serialNumber, credentials.mfaCode, now)).ok) {
        accepted = true
        break
      }
    }
    if (!accepted) return { ok: false, reason: 'mfa-failed', ...seen }
  }
  await store.users.update(user.id, { passwordLastUsedAt: now })
  // Callers cached with their user record (GetUser answers from it) must see PasswordLastUsed change.
  await store.changes.publish({ topic: 'iam', accountId: account.id })
  return {
    ok: true,
    accountId: account.id,
    userId: user.id,
    userName: user.name,
    userArn: userArn(account.id, user.path, user.name),
    mfaUsed: devices.length > 0,
    passwordResetRequired: profile.passwordResetRequired,
  }
}
