import { randomUUID } from 'node:crypto'
import { type ConsoleCredentials, checkConsolePassword } from '../iam/index.js'
import type { ServiceDeps } from '../operation.js'
import { type IssuedCredentials, issueSession } from './issue-session.js'
import type { SealingKeyRing } from './sealing-keys.js'

/** AWS: an IAM user's console session lasts 12 hours. */
export const CONSOLE_SESSION_SECONDS = 43_200

/** The result of a console sign-in: session credentials of the user, or why there are none. */
export type ConsoleSignInResult =
  | {
      readonly ok: true
      readonly credentials: IssuedCredentials
      readonly accountId: string
      readonly userId: string
      readonly userName: string
      readonly userArn: string
      readonly mfaUsed: boolean
      readonly passwordResetRequired: boolean
    }
  | {
      readonly ok: false
      readonly reason: 'failed' | 'mfa-required' | 'mfa-failed'
      readonly accountId?: string
      readonly userName?: string
    }

/**
 * Signs an IAM user in with the console password (and MFA code): on success, temporary credentials of the user
 * (a GetSessionToken-kind session, MFA-authenticated when a code was checked) that expire after 12 hours.
 */
export async function consoleSignIn(
  deps: ServiceDeps,
  ring: SealingKeyRing,
  credentials: ConsoleCredentials,
  sourceIp: string,
): Promise<ConsoleSignInResult> {
  const now = deps.clock.now()
  const check = await checkConsolePassword(deps.store, credentials, now)
  if (!check.ok) return check
  const { store, clock, random } = deps
  const ctx = {
    store,
    clock,
    random,
    requestId: randomUUID(),
    region: 'us-east-1',
    now,
    caller: undefined,
    sourceIp,
  }
  const { credentials: issued } = await issueSession(
    ctx,
    ring,
    {
      kind: 'SessionToken',
      accountId: check.accountId,
      arn: check.userArn,
      principalArn: check.userArn,
      uniqueId: check.userId,
      console: true,
      ...(check.mfaUsed ? { mfaAuthenticatedAt: now.getTime() } : {}),
    },
    CONSOLE_SESSION_SECONDS,
  )
  return {
    ok: true,
    accountId: check.accountId,
    userId: check.userId,
    userName: check.userName,
    userArn: check.userArn,
    mfaUsed: check.mfaUsed,
    passwordResetRequired: check.passwordResetRequired,
    credentials: issued,
  }
}
