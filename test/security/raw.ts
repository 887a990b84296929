import { Hash } from '@smithy/hash-node'
import { HttpRequest } from '@smithy/protocol-http'
import { SignatureV4 } from '@smithy/signature-v4'

/** A request signed once, to be sent (and replayed) byte for byte. */
export interface RawRequest {
  readonly method: string
  readonly path: string
  readonly headers: Record<string, string>
  readonly body: string
}

/** Signs `method path?query` with the SDK's SigV4 signer. */
export async function signRaw(options: {
  readonly url: string
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string }
  readonly service: string
  readonly method: string
  readonly path: string
  readonly query?: Record<string, string>
  readonly headers?: Record<string, string>
  readonly body: string
  readonly signingDate?: Date
}): Promise<RawRequest> {
  const { host, hostname, port } = new URL(options.url)
  const signer = new SignatureV4({
    service: options.service,
    region: 'us-east-1',
    credentials: options.credentials,
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: options.service !== 's3',
  })
  const signed = await signer.sign(
    new HttpRequest({
      method: options.method,
      hostname,
      port: Number(port),
      path: options.path,
      query: options.query ?? {},
      headers: { host, ...options.headers },
      body: options.body,
    }),
    { signingDate: options.signingDate ?? new Date() },
  )
  const query = new URLSearchParams(options.query ?? {}).toString()
  return {
    method: signed.method,
    path: query === '' ? options.path : `${options.path}?${query}`,
    headers: Object.fromEntries(
      Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), value]),
    ),
    body: options.body,
  }
}

/** Sends `request` to `url`; the status and body text. */
export async function sendRaw(url: string, request: RawRequest): Promise<{ status: number; text: string }> {
  const { host: _host, ...headers } = request.headers
  const response = await fetch(`${url}${request.path}`, {
    method: request.method,
    headers,
    ...(request.body === '' ? {} : { body: request.body }),
  })
  return { status: response.status, text: await response.text() }
}
