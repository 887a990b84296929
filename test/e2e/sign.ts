import { Hash } from '@smithy/hash-node'
import { HttpRequest } from '@smithy/protocol-http'
import { SignatureV4 } from '@smithy/signature-v4'

/** Long-term credentials to sign with. */
export interface SigningCredentials {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  /** Session credentials: signed and sent as X-Amz-Security-Token. */
  readonly sessionToken?: string
}

/** A request as it goes on the wire: header names lower-cased, the body as text. */
export interface WireRequest {
  readonly method: string
  /** Path and query string. */
  readonly path: string
  readonly headers: Record<string, string>
  readonly body: string
}

/** What to sign; a form POST to `/` unless told otherwise. */
export interface SignOptions {
  readonly url: string
  readonly credentials: SigningCredentials
  readonly service: string
  readonly region: string
  readonly body: string
  readonly method?: string
  readonly signingDate?: Date
}

/** Signs a query-protocol form POST with @smithy/signature-v4, the signer of the AWS SDK v3. */
export async function signForm(options: SignOptions): Promise<WireRequest> {
  const { host, hostname, port } = new URL(options.url)
  const signer = new SignatureV4({
    service: options.service,
    region: options.region,
    credentials: options.credentials,
    sha256: Hash.bind(null, 'sha256'),
  })
  const signed = await signer.sign(
    new HttpRequest({
      method: options.method ?? 'POST',
      hostname,
      port: Number(port),
      path: '/',
      headers: { host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: options.body,
    }),
    { signingDate: options.signingDate ?? new Date() },
  )
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(signed.headers)) headers[name.toLowerCase()] = value
  return { method: signed.method, path: '/', headers, body: options.body }
}
