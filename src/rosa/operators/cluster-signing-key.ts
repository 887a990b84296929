import { createPrivateKey, createPublicKey } from 'node:crypto'
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { DISCOVERY_KEY, JWKS_KEY, SECRET_PREFIX } from '../oidc-config.js'
import { keyIdOf } from '../oidc-keys.js'
import type { ServiceAccountIssuer } from './web-identity.js'

async function readJson(s3: S3Client, bucket: string, key: string): Promise<Record<string, unknown>> {
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
  return JSON.parse((await got.Body?.transformToString()) ?? '{}') as Record<string, unknown>
}

/**
 * Reads a cluster's service-account issuer from its OIDC configuration `oidcConfigId` with the customer
 * Installer role's session, as the managed service does: the issuer URL from the discovery document, and the
 * private key from the `rosa-private-key-<id>` secret (the Installer role may read secrets tagged
 * `red-hat-managed=true`). The key's id must be one keys.json publishes, or STS could not verify the tokens.
 */
export async function readClusterIssuer(
  clients: { readonly s3: S3Client; readonly secrets: SecretsManagerClient },
  oidcConfigId: string,
): Promise<ServiceAccountIssuer> {
  const discovery = await readJson(clients.s3, oidcConfigId, DISCOVERY_KEY)
  if (typeof discovery.issuer !== 'string')
    throw new Error(`the discovery document of OIDC configuration ${oidcConfigId} has no issuer`)
  const secret = await clients.secrets.send(
    new GetSecretValueCommand({ SecretId: `${SECRET_PREFIX}${oidcConfigId}` }),
  )
  const privateKey = createPrivateKey(secret.SecretString ?? '')
  const kid = keyIdOf(createPublicKey(privateKey))
  const jwks = (await readJson(clients.s3, oidcConfigId, JWKS_KEY)).keys as { kid?: string }[] | undefined
  if (!(jwks ?? []).some((k) => k.kid === kid))
    throw new Error(`keys.json of OIDC configuration ${oidcConfigId} does not publish key ${kid}`)
  return { issuerUrl: discovery.issuer, kid, privateKey }
}
