import { AwsError } from '../../kernel/aws-error.js'
import type { Store } from '../../store/index.js'
import { DerivedCache, type PolicyLoader } from '../iam/index.js'
import type { Caller, CredentialResolver } from '../operation.js'
import { isSignedOut } from './console-sign-out.js'
import type { SealingKeyRing } from './sealing-keys.js'
import { loadSessionBasis, type SessionBasis, sessionCaller } from './session-caller.js'
import type { SessionClaims } from './session-claims.js'
import { sessionCallRefusal } from './session-limits.js'
import { openSessionToken, sessionTokenKeyId } from './session-token.js'

/** AWS: STS and IAM send these texts without a final period. */
const invalidToken = () =>
  new AwsError('InvalidClientTokenId', 403, 'The security token included in the request is invalid')
const expiredToken = () =>
  new AwsError('ExpiredToken', 403, 'The security token included in the request is expired')

/**
 * Resolves temporary credentials (`ASIA…` with a session token) from the sealed token alone:
 * no store read authenticates a session. Tampered, truncated or foreign tokens are InvalidClientTokenId.
 * The policies a session is evaluated with are read once per session and kept until the store's change
 * feed announces an IAM write, so a revocation (AWSRevokeOlderSessions) applies to the next request.
 * A console session also reads, once until the next change notice, whether its user signed out of it.
 * Opened tokens are remembered (`openedLimit` of them, by access key id and token): a token never changes, and
 * its expiry is checked on every request. The caller built from a basis is kept with it, except for sessions with
 * MFA, whose `aws:MultiFactorAuthAge` depends on the request time.
 */
export function sessionResolver(
  store: Store,
  loader: PolicyLoader,
  keys: SealingKeyRing,
  openedLimit = 4096,
): CredentialResolver {
  const bases = new DerivedCache<SessionBasis>(store.changes)
  const signedOut = new DerivedCache<boolean>(store.changes)
  const opened = new Map<string, SessionClaims>()
  /** Bases are per access key id, so each is one session's: its caller, built once. */
  const callers = new WeakMap<SessionBasis, Caller>()
  const callerOf = (claims: SessionClaims, basis: SessionBasis, now: Date): Caller => {
    if (claims.mfaAuthenticatedAt !== undefined) return sessionCaller(claims, basis, now)
    let caller = callers.get(basis)
    if (caller === undefined) {
      caller = sessionCaller(claims, basis, now)
      callers.set(basis, caller)
    }
    return caller
  }
  const open = async (accessKeyId: string, token: string): Promise<SessionClaims | undefined> => {
    const id = `${accessKeyId} ${token}`
    const known = opened.get(id)
    if (known !== undefined) return known
    const keyId = sessionTokenKeyId(token)
    const key = keyId && (await keys.find(keyId))
    const claims = key ? openSessionToken(token, accessKeyId, key) : undefined
    if (claims === undefined) return undefined
    opened.set(id, claims)
    if (opened.size > openedLimit) opened.delete(opened.keys().next().value!)
    return claims
  }
  return {
    async resolve(accessKeyId, token, now) {
      if (token === undefined || token.length === 0) throw invalidToken()
      const claims = await open(accessKeyId, token)
      if (claims === undefined) throw invalidToken()
      if (now.getTime() >= claims.expiresAt) throw expiredToken()
      // A console session the user signed out of is refused like a token that does not exist.
      if (claims.console && (await signedOut.get(accessKeyId, () => isSignedOut(store, claims))))
        throw invalidToken()
      return {
        secretAccessKey: claims.secretAccessKey,
        refuses: (signingName, operation) => sessionCallRefusal(claims, signingName, operation),
        caller: async () =>
          callerOf(claims, await bases.get(accessKeyId, () => loadSessionBasis(store, loader, claims)), now),
      }
    },
  }
}

/** Sends `ASIA…` keys to the session resolver and every other key to the long-term one. */
export function combinedResolver(
  longTerm: CredentialResolver,
  sessions: CredentialResolver,
): CredentialResolver {
  return {
    resolve: (accessKeyId, token, now) =>
      (accessKeyId.startsWith('ASIA') ? sessions : longTerm).resolve(accessKeyId, token, now),
  }
}
