import type { Repositories } from '../../store/index.js'
import type { ServiceDeps } from '../operation.js'
import type { SealingKeyRing } from './sealing-keys.js'
import type { SessionClaims } from './session-claims.js'
import { openSessionToken, sessionTokenKeyId } from './session-token.js'

/** Sign-outs are kept in the global settings scope until the session would have expired. */
const SCOPE = 'global'
const PREFIX = 'console-signed-out/'

/** The settings key of a signed-out console session; the expiry leads so expired ones can be purged by key alone. */
const signOutKey = (claims: Pick<SessionClaims, 'accessKeyId' | 'expiresAt'>): string =>
  `${PREFIX}${claims.expiresAt}/${claims.accessKeyId}`

/** The change-feed topic a sign-out announces, so every process drops what it cached about the session. */
export const CONSOLE_SIGN_OUT_TOPIC = 'console-sign-out'

/** True when the console session was signed out (one settings read; callers cache it until a change notice). */
export async function isSignedOut(
  store: Repositories,
  claims: Pick<SessionClaims, 'accessKeyId' | 'expiresAt'>,
): Promise<boolean> {
  return (await store.settings.get(SCOPE, signOutKey(claims))) !== undefined
}

/**
 * Ends a console password session on the server: the session token (which only its holder has) must open to a
 * console session of `accessKeyId` that has not expired. Afterwards every request signed with it is refused.
 * Expired sign-out records are purged on the way. False when the token is not such a session.
 */
export async function consoleSignOut(
  deps: ServiceDeps,
  ring: SealingKeyRing,
  accessKeyId: string,
  token: string,
): Promise<boolean> {
  const keyId = sessionTokenKeyId(token)
  const key = keyId && (await ring.find(keyId))
  const claims = key ? openSessionToken(token, accessKeyId, key) : undefined
  const now = deps.clock.now()
  if (claims === undefined || claims.console !== true || claims.expiresAt <= now.getTime()) return false
  await deps.store.settings.put(SCOPE, signOutKey(claims), new Date(claims.expiresAt).toISOString(), now)
  await deps.store.changes.publish({
    topic: CONSOLE_SIGN_OUT_TOPIC,
    accountId: claims.accountId,
    id: accessKeyId,
  })
  for (const stale of await deps.store.settings.listKeys(SCOPE, PREFIX)) {
    const expiresAt = Number(stale.slice(PREFIX.length, stale.indexOf('/', PREFIX.length)))
    if (expiresAt <= now.getTime()) await deps.store.settings.delete(SCOPE, stale)
  }
  return true
}
