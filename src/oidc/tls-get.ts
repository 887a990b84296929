import { request } from 'node:https'
import type { DetailedPeerCertificate, TLSSocket } from 'node:tls'

/** The issuer's certificate chain is not publicly trusted and no configured thumbprint matches its top CA. */
export class ThumbprintMismatch extends Error {
  constructor() {
    super('the HTTPS certificate of the key set host matches no configured thumbprint')
  }
}

/**
 * GETs an https URL as STS reaches an OIDC issuer: a chain the runtime's CA store trusts is accepted as is;
 * otherwise the SHA-1 thumbprint of the last certificate the host presents (its top intermediate or root
 * CA) must be one of `thumbprints`. Resolves the body of a 2xx answer.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc_verify-thumbprint.html
 */
export function tlsGet(url: string, thumbprints: readonly string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', rejectUnauthorized: false, timeout: timeoutMs }, (res) => {
      const socket = res.socket as TLSSocket
      if (!socket.authorized && !thumbprints.includes(topThumbprint(socket))) {
        res.destroy()
        return reject(new ThumbprintMismatch())
      }
      if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) > 299) {
        res.destroy()
        return reject(new Error(`${url} answered ${res.statusCode}`))
      }
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`${url} timed out`)))
    req.on('error', reject)
    req.end()
  })
}

/** Lower-case SHA-1 hex of the last certificate of the presented chain, as IAM stores thumbprints. */
function topThumbprint(socket: TLSSocket): string {
  let cert = socket.getPeerCertificate(true) as DetailedPeerCertificate
  while (cert.issuerCertificate?.fingerprint && cert.issuerCertificate.fingerprint !== cert.fingerprint)
    cert = cert.issuerCertificate
  return (cert.fingerprint ?? '').replace(/:/g, '').toLowerCase()
}
