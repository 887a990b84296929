import assert from 'node:assert/strict'
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import { describe, it } from 'node:test'
import {
  createLogger,
  Drain,
  type Exchange,
  healthRoute,
  logExchange,
  ServerMetrics,
  type SideRoute,
} from '../../src/server/index.js'

async function serve(
  route: SideRoute | ((req: never, res: never) => void),
): Promise<{ server: Server; url: string }> {
  const server = createServer(route as SideRoute)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

function exchange(status: number, extra: Partial<Exchange> = {}): Exchange {
  return {
    requestId: 'req-1',
    receivedAt: new Date(0),
    request: { method: 'POST', path: '/', query: '', headers: {}, body: new Uint8Array(0) },
    sourceIp: '127.0.0.1',
    secure: false,
    region: 'us-east-1',
    authorization: 'NotEvaluated',
    operationName: 'GetUser',
    response: { status, headers: {}, body: '' },
    ...extra,
  } as Exchange
}

function captured(level: string): {
  logger: ReturnType<typeof createLogger>
  lines: () => Record<string, unknown>[]
} {
  const chunks: string[] = []
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk))
      done()
    },
  })
  const logger = createLogger(level, sink)
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
  }
}

/** The body of the health route. */
interface Health {
  readonly status: string
  readonly checks: { readonly store: { readonly ok: boolean; readonly error?: string } }
}

describe('observability: health', () => {
  it('200 with the store check when the store answers, 503 when it fails or the server is stopping', async () => {
    let failing = false
    let stopping = false
    const probe = {
      ping: async () => (failing ? Promise.reject(new Error('database is locked')) : undefined),
    }
    const { server, url } = await serve(healthRoute(probe, () => stopping))
    try {
      const ok = await fetch(url)
      assert.equal(ok.status, 200)
      const body = (await ok.json()) as Health
      assert.equal(body.status, 'ok')
      assert.equal(body.checks.store.ok, true)
      failing = true
      const down = await fetch(url)
      assert.equal(down.status, 503)
      assert.equal(((await down.json()) as Health).checks.store.error, 'database is locked')
      failing = false
      stopping = true
      assert.equal((await fetch(url)).status, 503)
    } finally {
      server.close()
    }
  })
})

describe('observability: metrics', () => {
  it('counts requests by service, operation and status, latency, and evaluated decisions, per registry', async () => {
    const a = new ServerMetrics()
    const b = new ServerMetrics()
    a.observe(exchange(200, { authorization: 'Allowed' }), 0.002)
    a.observe(exchange(403, { authorization: 'ImplicitlyDenied' }), 0.001)
    a.observe(exchange(400), 0.001)
    const text = await a.registry.metrics()
    assert.match(text, /lanyard_requests_total\{service="unknown",operation="GetUser",status="200"\} 1/)
    assert.match(text, /lanyard_requests_total\{service="unknown",operation="GetUser",status="403"\} 1/)
    assert.match(text, /lanyard_request_duration_seconds_count\{service="unknown",operation="GetUser"\} 3/)
    assert.match(text, /lanyard_authorization_decisions_total\{result="Allowed"\} 1/)
    assert.match(text, /lanyard_authorization_decisions_total\{result="ImplicitlyDenied"\} 1/)
    assert.doesNotMatch(text, /result="NotEvaluated"/)
    assert.doesNotMatch(await b.registry.metrics(), /lanyard_requests_total\{/)
  })
})

describe('observability: request logs', () => {
  it('one debug line per request with its id; a 5xx at error with the cause', () => {
    const { logger, lines } = captured('debug')
    logExchange(logger, exchange(200), 0.0015)
    logExchange(logger, exchange(500, { cause: new Error('disk full') }), 0.01)
    const [ok, failed] = lines()
    assert.equal(ok?.level, 20)
    assert.equal(ok?.requestId, 'req-1')
    assert.equal(ok?.status, 200)
    assert.equal(failed?.level, 50)
    assert.equal((failed?.err as { message?: string } | undefined)?.message, 'disk full')
  })

  it('at info only server failures are logged', () => {
    const { logger, lines } = captured('info')
    logExchange(logger, exchange(200), 0.001)
    logExchange(logger, exchange(503), 0.001)
    assert.deepEqual(
      lines().map((line) => line.status),
      [503],
    )
  })

  it('rejects an unknown level', () => {
    assert.throws(() => createLogger('loud'), /invalid log level: loud/)
  })
})

describe('observability: draining', () => {
  it('close waits for the in-flight request, which still gets its answer', async () => {
    const drain = new Drain()
    const { server, url } = await serve(
      drain.wrap((_req, res) => {
        setTimeout(() => res.end('done'), 200)
      }),
    )
    const port = new URL(url).port
    const answer = new Promise<string>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port, path: '/' }, (res) => {
        let body = ''
        res.on('data', (chunk) => {
          body += chunk
        })
        res.on('end', () => resolve(body))
      })
        .on('error', reject)
        .end()
    })
    while (drain.inFlight === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    const closed = drain.close(server, 5000)
    assert.equal(drain.stopping, true)
    assert.equal(await answer, 'done')
    await closed
    assert.equal(drain.inFlight, 0)
    assert.equal(server.listening, false)
  })
})
