import type { KeyObject } from 'node:crypto'
import { SignJWT } from 'jose'
import { assumeRoleWithWebIdentity, type TemporaryCredentials } from '../sts-credentials.js'

/** The cluster's service-account token issuer: its OIDC configuration's issuer URL and signing key. */
export interface ServiceAccountIssuer {
  readonly issuerUrl: string
  readonly kid: string
  readonly privateKey: KeyObject
}

/**
 * A cluster's issuer whose key the provider keeps (a managed OIDC configuration): the cluster service signs each
 * token.
 */
export interface RemoteServiceAccountIssuer {
  sign(namespace: string, serviceAccount: string): Promise<string>
}

/** How long a minted projected token lives: only long enough for the STS call that uses it. */
export const TOKEN_LIFETIME_SECONDS = 600

/** The audience OpenShift's projected service-account tokens carry for AWS (the OIDC provider's client id). */
export const TOKEN_AUDIENCE = 'openshift'

/**
 * Mints a projected service-account token for `system:serviceaccount:<namespace>:<serviceAccount>` as the
 * kube-apiserver would: RS256 with the cluster's key, `iss` the issuer URL, `aud` "openshift", a short `exp`.
 */
export async function mintServiceAccountToken(
  issuer: ServiceAccountIssuer,
  namespace: string,
  serviceAccount: string,
  nowMs: number = Date.now(),
): Promise<string> {
  const iat = Math.floor(nowMs / 1000)
  return new SignJWT({ 'kubernetes.io': { namespace, serviceaccount: { name: serviceAccount } } })
    .setProtectedHeader({ alg: 'RS256', kid: issuer.kid, typ: 'JWT' })
    .setIssuer(issuer.issuerUrl)
    .setSubject(`system:serviceaccount:${namespace}:${serviceAccount}`)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + TOKEN_LIFETIME_SECONDS)
    .sign(issuer.privateKey)
}

/** Who an operator is: its role and its service account. */
export interface OperatorIdentity {
  readonly roleArn: string
  readonly namespace: string
  readonly serviceAccount: string
  readonly sessionName: string
}

/**
 * Exchanges a fresh token (minted with the cluster's key, or signed by the cluster service) for the operator role's temporary credentials with
 * sts:AssumeRoleWithWebIdentity (an unsigned call: the token is the only proof).
 */
export async function assumeWithWebIdentity(
  endpoint: string,
  region: string,
  issuer: ServiceAccountIssuer | RemoteServiceAccountIssuer,
  identity: OperatorIdentity,
  durationSeconds: number,
): Promise<TemporaryCredentials> {
  const token =
    'sign' in issuer
      ? await issuer.sign(identity.namespace, identity.serviceAccount)
      : await mintServiceAccountToken(issuer, identity.namespace, identity.serviceAccount)
  return assumeRoleWithWebIdentity(endpoint, region, {
    RoleArn: identity.roleArn,
    RoleSessionName: identity.sessionName,
    WebIdentityToken: token,
    DurationSeconds: durationSeconds,
  })
}
