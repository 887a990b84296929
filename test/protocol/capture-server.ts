import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { WireRequest, WireResponse } from '../../src/protocol/index.js'

/** A request a real client sent, as the test server received it. */
export interface Captured {
  readonly method: string
  readonly url: string
  readonly headers: Readonly<Record<string, string | undefined>>
  readonly body: Buffer
}

/** The captured request in the shape parseRequest reads. */
export function toWire(captured: Captured): WireRequest {
  const url = new URL(captured.url, 'http://127.0.0.1')
  return {
    method: captured.method,
    path: url.pathname,
    query: url.searchParams,
    headers: captured.headers,
    body: captured.body.toString('utf8'),
  }
}

/** A tiny HTTP server for tests: records each request and answers with the queued response. */
export class CaptureServer {
  readonly captured: Captured[] = []
  next: WireResponse & { readonly payload?: unknown } = { status: 500, headers: {}, body: '' }
  private readonly server: Server = createServer((req, res) => this.handle(req, res))

  /** Listens on an ephemeral loopback port; resolves to the endpoint URL. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  /** Stops listening. */
  stop(): Promise<void> {
    this.server.closeAllConnections()
    return new Promise((resolve) => this.server.close(() => resolve()))
  }

  /** The last captured request. */
  get last(): Captured {
    const last = this.captured.at(-1)
    if (!last) throw new Error('no request was captured')
    return last
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]),
      )
      this.captured.push({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers,
        body: Buffer.concat(chunks),
      })
      const payload = this.next.payload
      res.writeHead(this.next.status, this.next.headers)
      res.end(payload instanceof Uint8Array ? payload : this.next.body)
    })
  }
}
