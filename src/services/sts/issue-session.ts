import { newAccessKeyId } from '../../kernel/ids.js'
import type { OperationContext } from '../operation.js'
import type { SealingKeyRing } from './sealing-keys.js'
import type { SessionClaims } from './session-claims.js'
import { sealSessionToken } from './session-token.js'

/** Everything a new session carries except its credentials, which `issueSession` makes. */
export type SessionGrant = Omit<SessionClaims, 'accessKeyId' | 'secretAccessKey' | 'issuedAt' | 'expiresAt'>

/** The `Credentials` member of STS responses. */
export interface IssuedCredentials {
  readonly AccessKeyId: string
  readonly SecretAccessKey: string
  readonly SessionToken: string
  readonly Expiration: Date
}

/**
 * Issues temporary credentials: an `ASIA…` key that encodes the account, a 40-character secret, and the
 * claims sealed with the ring's current key as the session token. Expiration = now + `durationSeconds`.
 */
export async function issueSession(
  ctx: Pick<OperationContext, 'now' | 'random'>,
  ring: SealingKeyRing,
  grant: SessionGrant,
  durationSeconds: number,
): Promise<{ readonly credentials: IssuedCredentials; readonly claims: SessionClaims }> {
  const issuedAt = ctx.now.getTime()
  // Object.assign, not `{ ...grant, … }`: V8 11 gives an object literal that starts with a spread and goes on
  // with more members a new hidden class on every call once optimized (about 1 µs per member).
  const claims: SessionClaims = Object.assign({}, grant, {
    accessKeyId: newAccessKeyId('ASIA', grant.accountId, ctx.random),
    secretAccessKey: Buffer.from(ctx.random(30)).toString('base64'),
    issuedAt,
    expiresAt: issuedAt + durationSeconds * 1000,
  })
  const token = sealSessionToken(claims, await ring.current(ctx.now), ctx.random)
  return {
    claims,
    credentials: {
      AccessKeyId: claims.accessKeyId,
      SecretAccessKey: claims.secretAccessKey,
      SessionToken: token,
      Expiration: new Date(claims.expiresAt),
    },
  }
}
