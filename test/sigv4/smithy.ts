import { Hash } from '@smithy/hash-node'
import { HttpRequest } from '@smithy/protocol-http'
import { SignatureV4 } from '@smithy/signature-v4'
import type { ReceivedRequest } from '../../src/sigv4/index.js'

/** Credentials the cross-checks sign with. */
export const CREDENTIALS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
}

/** The AWS SDK v3 signer for a service, as the SDK configures it (S3: no path escaping). */
export function signer(service: string, region = 'us-east-1', sessionToken?: string): SignatureV4 {
  const s3 = service === 's3'
  return new SignatureV4({
    service,
    region,
    credentials: sessionToken === undefined ? CREDENTIALS : { ...CREDENTIALS, sessionToken },
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: !s3,
    applyChecksum: !s3,
  })
}

/** RFC 3986 escaping as the SDK's query builder does it; independent of the code under test. */
export function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** A request to sign: path as the SDK puts it on the wire, query decoded. */
export interface Unsigned {
  method: string
  path: string
  query?: Record<string, string | string[]>
  headers?: Record<string, string>
  body?: string | Uint8Array
}

/** The SDK's request object. */
export function httpRequest(r: Unsigned, host = 'localhost:4566'): HttpRequest {
  return new HttpRequest({
    method: r.method,
    protocol: 'http:',
    hostname: 'localhost',
    port: 4566,
    path: r.path,
    query: r.query ?? {},
    headers: { host, ...r.headers },
    ...(r.body === undefined ? {} : { body: r.body }),
  })
}

/** What the server receives for a request the SDK sent. */
export function toReceived(req: {
  method: string
  path: string
  query?: Record<string, string | string[] | null>
  headers: Record<string, string>
  body?: unknown
}): ReceivedRequest {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) headers[name.toLowerCase()] = value
  const query = Object.entries(req.query ?? {})
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((value) => [k, value ?? ''] as const))
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(String(v))}`)
    .join('&')
  const body =
    req.body === undefined
      ? new Uint8Array()
      : typeof req.body === 'string'
        ? new TextEncoder().encode(req.body)
        : (req.body as Uint8Array)
  return { method: req.method, path: req.path, query, headers, body }
}

/** Signs with the Authorization header at `when`. */
export async function signHeader(
  service: string,
  r: Unsigned,
  when: Date,
  sessionToken?: string,
): Promise<ReceivedRequest> {
  const signed = await signer(service, 'us-east-1', sessionToken).sign(httpRequest(r), { signingDate: when })
  return toReceived(signed)
}

/** Presigns at `when`. */
export async function presign(
  service: string,
  r: Unsigned,
  when: Date,
  expiresIn = 900,
  sessionToken?: string,
): Promise<ReceivedRequest> {
  const signed = await signer(service, 'us-east-1', sessionToken).presign(httpRequest(r), {
    signingDate: when,
    expiresIn,
  })
  return toReceived(signed)
}
