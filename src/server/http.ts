import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Clock } from '../kernel/clock.js'
import { answerClientError } from './client-error.js'
import type { PipelineEnv } from './environment.js'
import type { Exchange } from './exchange.js'
import { runPipeline } from './pipeline.js'
import { readBody } from './read-body.js'
import { renderError, toAwsError } from './steps/render-error.js'

/** A route served outside the AWS pipeline (health, metrics, console). */
export type SideRoute = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void

/** Options of the HTTP front end. */
export interface HttpOptions {
  readonly env: PipelineEnv
  readonly clock: Clock
  readonly maxBodyBytes: number
  /**
   * Routes by exact path, tried before the AWS pipeline. A key ending in `/*` (`/console/*`) takes the path
   * itself and every path below it, for unsigned requests only: a SigV4-signed request always reaches the pipeline.
   */
  readonly routes?: ReadonlyMap<string, SideRoute>
  /** Called once per AWS request after the response is written (audit, metrics, logs). */
  readonly onComplete?: (exchange: Exchange, seconds: number) => void
}

/** Makes the node:http request listener that runs every AWS request through the pipeline. */
export function requestListener(
  options: HttpOptions,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    void handle(options, request, response)
  }
}

async function handle(
  options: HttpOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const started = process.hrtime.bigint()
  const url = request.url ?? '/'
  const queryAt = url.indexOf('?')
  const path = queryAt < 0 ? url : url.slice(0, queryAt)
  const side = options.routes?.get(path) ?? prefixRoute(options.routes, path, request)
  if (side !== undefined) {
    await side(request, response)
    return
  }
  const exchange: Exchange = {
    requestId: randomUUID(),
    receivedAt: options.clock.now(),
    request: {
      method: request.method ?? 'GET',
      path,
      query: queryAt < 0 ? '' : url.slice(queryAt + 1),
      headers: request.headers,
      body: new Uint8Array(0),
    },
    sourceIp: normalizeIp(request.socket.remoteAddress),
    secure: 'encrypted' in request.socket,
    region: 'us-east-1',
    authorization: 'NotEvaluated',
    // Every field the steps set, present from the start: V8 then keeps one object shape for every exchange
    // instead of a chain of shapes that turns each property read in the pipeline megamorphic.
    params: undefined,
    service: undefined,
    model: undefined,
    operationName: undefined,
    operation: undefined,
    auth: undefined,
    caller: undefined,
    context: undefined,
    input: undefined,
    output: undefined,
    error: undefined,
    cause: undefined,
    response: undefined,
  }
  try {
    const body = await readBody(request, options.maxBodyBytes)
    const { method, query, headers } = exchange.request
    exchange.request = { method, path, query, headers, body }
    await runPipeline(exchange, options.env)
  } catch (thrown) {
    exchange.error = toAwsError(thrown)
    renderError(exchange)
  }
  const wire = exchange.response!
  // A string body goes out with the head in one write(2); bytes go out beside it in one writev(2).
  const body =
    wire.payload === undefined
      ? wire.body
      : Buffer.from(wire.payload.buffer, wire.payload.byteOffset, wire.payload.byteLength)
  const length = typeof body === 'string' ? Buffer.byteLength(body) : body.length
  // A length, not chunks: clients that read by Content-Length (HEAD included) know where it ends.
  // A serializer's own content-length (a HEAD naming an object's size) wins.
  response.writeHead(wire.status, { 'content-length': String(length), ...wire.headers })
  response.end(request.method === 'HEAD' ? undefined : body)
  options.onComplete?.(exchange, Number(process.hrtime.bigint() - started) / 1e9)
}

/** The `/<first segment>/*` route of an unsigned request (no Authorization header, no presigned query). */
function prefixRoute(
  routes: ReadonlyMap<string, SideRoute> | undefined,
  path: string,
  request: IncomingMessage,
): SideRoute | undefined {
  if (routes === undefined || request.headers.authorization !== undefined) return undefined
  if (/[?&]X-Amz-(Signature|Credential)=/i.test(request.url ?? '')) return undefined
  const end = path.indexOf('/', 1)
  return routes.get(`${end < 0 ? path : path.slice(0, end)}/*`)
}

/** `::ffff:127.0.0.1` → `127.0.0.1`, as AWS reports IPv4 callers. */
function normalizeIp(address: string | undefined): string {
  if (address === undefined) return '0.0.0.0'
  return address.startsWith('::ffff:') ? address.slice(7) : address
}

/** Starts listening; resolves with the server and its base URL. */
export async function listen(
  listener: ReturnType<typeof requestListener>,
  host: string,
  port: number,
): Promise<{ server: Server; url: string }> {
  const server = createServer({ keepAliveTimeout: 65_000 }, listener)
  server.on('clientError', answerClientError)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return { server, url: `http://${shownHost}:${address.port}` }
}
