import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'

/** One request the fuzzer sends; header values are written as Latin-1 bytes, so any byte ≥ 0x80 is possible. */
export interface FuzzRequest {
  readonly method: string
  readonly path: string
  readonly headers: Record<string, string | string[]>
  readonly body: Uint8Array
  /** Send these bytes on a fresh raw socket instead (malformed HTTP the node:http client refuses to write). */
  readonly raw?: Uint8Array
}

/** The answer, or why there was none. */
export interface FuzzResponse {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly body: Buffer
}

/** Sends `request`; rejects on a dropped connection or after `timeoutMs` without an answer. */
export function send(url: string, request: FuzzRequest, timeoutMs: number): Promise<FuzzResponse> {
  return request.raw ? sendRaw(url, request.raw, timeoutMs) : sendHttp(url, request, timeoutMs)
}

function sendHttp(url: string, request: FuzzRequest, timeoutMs: number): Promise<FuzzResponse> {
  const { hostname, port } = new URL(url)
  // node:http writes a GET/HEAD/DELETE body without framing unless told its length.
  const headers = { 'content-length': String(request.body.length), ...request.headers }
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { hostname, port, method: request.method, path: request.path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        )
        res.on('error', reject)
      },
    )
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)))
    req.on('error', reject)
    req.end(request.body)
  })
}

/** Writes raw bytes and reads one HTTP/1.1 answer (ended by Content-Length or by the server closing). */
function sendRaw(url: string, bytes: Uint8Array, timeoutMs: number): Promise<FuzzResponse> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname)
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`no answer within ${timeoutMs} ms`))
    }, timeoutMs)
    const finish = () => {
      clearTimeout(timer)
      const parsed = parseResponse(Buffer.concat(chunks))
      socket.destroy()
      if (parsed === undefined) reject(new Error('connection closed without an HTTP answer'))
      else resolve(parsed)
    }
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      const parsed = parseResponse(Buffer.concat(chunks))
      if (parsed?.complete) finish()
    })
    socket.on('end', finish)
    socket.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    socket.end(bytes)
  })
}

function parseResponse(data: Buffer): (FuzzResponse & { complete: boolean }) | undefined {
  const end = data.indexOf('\r\n\r\n')
  if (end < 0) return undefined
  const [statusLine, ...lines] = data.subarray(0, end).toString('latin1').split('\r\n')
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1])
  if (!Number.isInteger(status)) return undefined
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  const rest = data.subarray(end + 4)
  if (headers['transfer-encoding'] === 'chunked') {
    const complete = rest.includes('0\r\n\r\n')
    return { status, headers, body: complete ? dechunk(rest) : rest, complete }
  }
  const length = Number(headers['content-length'] ?? Number.NaN)
  return { status, headers, body: rest, complete: Number.isInteger(length) && rest.length >= length }
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = []
  let at = 0
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at)
    const size = Number.parseInt(data.subarray(at, lineEnd).toString('latin1'), 16)
    if (!(size > 0)) return Buffer.concat(parts)
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size))
    at = lineEnd + 2 + size + 2
  }
}
