import { connect, type DetailedPeerCertificate } from 'node:tls'
import {
  CreateOpenIDConnectProviderCommand,
  DeleteOpenIDConnectProviderCommand,
  GetOpenIDConnectProviderCommand,
} from '@aws-sdk/client-iam'
import type { Caller } from './caller.js'
import { isAwsError, type RosaClients, type RosaLog } from './rosa-clients.js'

/** The audiences rosa registers: OpenShift's projected tokens and the EKS-style webhook. */
export const OIDC_CLIENT_IDS: readonly string[] = ['openshift', 'sts.amazonaws.com']

/** An issuer URL without its scheme (how IAM names providers and condition keys). */
export function issuerHostPath(issuer: string): string {
  return issuer.replace(/^https?:\/\//i, '')
}

/** `arn:<partition>:iam::<account>:oidc-provider/<host/path>`. */
export function oidcProviderArn(caller: Caller, issuer: string): string {
  return `arn:${caller.partition}:iam::${caller.account}:oidc-provider/${issuerHostPath(issuer)}`
}

/**
 * The thumbprint rule of ocm-common FetchThumbprint: the lower-case hex SHA-1 of the DER of the last certificate of
 * the chain the issuer host serves on 443. Undefined for an http issuer (no chain; Lanyard's loopback issuers).
 */
export async function issuerThumbprint(issuer: string): Promise<string | undefined> {
  const url = new URL(issuer)
  if (url.protocol !== 'https:') return undefined
  return new Promise((resolve, reject) => {
    const socket = connect(
      { host: url.hostname, port: Number(url.port || 443), servername: url.hostname },
      () => {
        let cert = socket.getPeerCertificate(true) as DetailedPeerCertificate
        const seen = new Set<string>()
        while (cert.issuerCertificate && !seen.has(cert.fingerprint) && cert.issuerCertificate !== cert) {
          seen.add(cert.fingerprint)
          cert = cert.issuerCertificate
        }
        socket.end()
        resolve(cert.fingerprint.replace(/:/g, '').toLowerCase())
      },
    )
    socket.on('error', reject)
  })
}

/**
 * Creates the IAM OIDC provider of an issuer (rosa `create oidc-provider`); an existing provider for the issuer is
 * kept when its URL matches.
 */
export async function createOidcProvider(
  clients: RosaClients,
  caller: Caller,
  issuer: string,
  log: RosaLog,
): Promise<{ arn: string; created: boolean }> {
  const arn = oidcProviderArn(caller, issuer)
  try {
    const got = await clients.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))
    if (got.Url !== issuerHostPath(issuer)) {
      throw new Error(
        `OIDC provider ${arn} exists but is misconfigured (URL ${got.Url}): delete it and rerun`,
      )
    }
    log(`OIDC provider ${arn} already exists`)
    return { arn, created: false }
  } catch (error) {
    if (!isAwsError(error, 'NoSuchEntity')) throw error
  }
  const thumbprint = await issuerThumbprint(issuer)
  const created = await clients.iam.send(
    new CreateOpenIDConnectProviderCommand({
      Url: issuer,
      ClientIDList: [...OIDC_CLIENT_IDS],
      ...(thumbprint ? { ThumbprintList: [thumbprint] } : {}),
      Tags: [{ Key: 'red-hat-managed', Value: 'true' }],
    }),
  )
  log(
    `created OIDC provider ${created.OpenIDConnectProviderArn}${thumbprint ? ` (thumbprint ${thumbprint})` : ''}`,
  )
  return { arn: created.OpenIDConnectProviderArn ?? arn, created: true }
}

/** Deletes the OIDC provider of an issuer; false when there was none. */
export async function deleteOidcProvider(
  clients: RosaClients,
  caller: Caller,
  issuer: string,
  log: RosaLog,
): Promise<boolean> {
  const arn = oidcProviderArn(caller, issuer)
  try {
    await clients.iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))
  } catch (error) {
    if (isAwsError(error, 'NoSuchEntity')) return false
    throw error
  }
  log(`deleted OIDC provider ${arn}`)
  return true
}
