import { createHash, generateKeyPair, type KeyObject } from 'node:crypto'
import { promisify } from 'node:util'

/** An RSA key pair of an OIDC configuration (an issuer of service-account tokens), with the JWKS entry that publishes it. */
export interface OidcKeyPair {
  /** PKCS#1 PEM (`RSA PRIVATE KEY`), as rosa stores it in Secrets Manager. */
  readonly privateKeyPem: string
  readonly kid: string
  readonly jwk: { use: 'sig'; kty: 'RSA'; kid: string; alg: 'RS256'; n: string; e: string }
}

/** Kubernetes' key id: base64url (no padding) of the SHA-256 of the DER-encoded PKIX public key. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' })
  return createHash('sha256').update(der).digest('base64url')
}

/** Generates an RSA key pair (4096 bits, as rosa and ccoctl) and its JWKS entry. */
export async function generateOidcKeyPair(bits = 4096): Promise<OidcKeyPair> {
  const { publicKey, privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: bits })
  const kid = keyIdOf(publicKey)
  const { n, e } = publicKey.export({ format: 'jwk' }) as { n: string; e: string }
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    kid,
    jwk: { use: 'sig', kty: 'RSA', kid, alg: 'RS256', n, e },
  }
}
