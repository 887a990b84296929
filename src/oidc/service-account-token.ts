import type { KeyObject } from 'node:crypto'
import { SignJWT } from 'jose'

/** A service-account token issuer: its URL and its signing key. */
export interface TokenSigningKey {
  readonly issuerUrl: string
  readonly kid: string
  readonly privateKey: KeyObject
}

/**
 * Signs a projected service-account token for `system:serviceaccount:<namespace>:<serviceAccount>` as the
 * kube-apiserver does: RS256 with the issuer's key, `iss` the issuer URL, the `kubernetes.io` claim, `nbf` = `iat`.
 */
export async function signServiceAccountToken(
  key: TokenSigningKey,
  claims: { readonly namespace: string; readonly serviceAccount: string; readonly audience: string },
  issuedAtSeconds: number,
  lifetimeSeconds: number,
): Promise<string> {
  const { namespace, serviceAccount } = claims
  return new SignJWT({ 'kubernetes.io': { namespace, serviceaccount: { name: serviceAccount } } })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(key.issuerUrl)
    .setSubject(`system:serviceaccount:${namespace}:${serviceAccount}`)
    .setAudience(claims.audience)
    .setIssuedAt(issuedAtSeconds)
    .setNotBefore(issuedAtSeconds)
    .setExpirationTime(issuedAtSeconds + lifetimeSeconds)
    .sign(key.privateKey)
}
