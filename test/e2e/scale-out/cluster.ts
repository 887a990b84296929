import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, request, type Server } from 'node:http'
import { connect, createServer as createTcpServer, type Socket, type Server as TcpServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { adminKeys as dataDirAdminKeys, spawnServer } from '../server-process.js'

/** The PostgreSQL the scale-out tests use; they are skipped, saying why, when it is not set. */
export const POSTGRES_URL = process.env.LANYARD_TEST_POSTGRES_URL

/** The reason printed when the suite is skipped. */
export const SKIP_REASON = 'LANYARD_TEST_POSTGRES_URL is not set: scale-out needs a shared PostgreSQL'

/** One Lanyard server run as a child process (`node --import tsx src/main.ts`). */
export interface LanyardProcess {
  readonly url: string
  readonly dataDir: string
  readonly child: ChildProcess
  /** What the process wrote to stderr so far (logs), for failure messages. */
  stderr(): string
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>
  /** SIGKILL (kill -9), then waits for the exit. */
  kill(): Promise<void>
}

/** The environment every process of one cluster shares: database, schema and master key. */
export interface ClusterEnv {
  readonly LANYARD_DATABASE_URL: string
  readonly LANYARD_DATABASE_SCHEMA: string
  readonly LANYARD_MASTER_KEY: string
}

/** A fresh schema name and master key on `url`. */
export const clusterEnv = (url: string): ClusterEnv => ({
  LANYARD_DATABASE_URL: url,
  LANYARD_DATABASE_SCHEMA: `lanyard_scale_${randomBytes(6).toString('hex')}`,
  LANYARD_MASTER_KEY: randomBytes(32).toString('hex'),
})

/** Drops the cluster's schema. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`drop schema if exists "${schema}" cascade`)
  } finally {
    await client.end()
  }
}

/** Starts one Lanyard process with its own data dir (test/e2e/server-process.ts) and waits for the URL it prints. */
export async function startProcess(
  env: Readonly<Record<string, string | undefined>> | ClusterEnv,
): Promise<LanyardProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lanyard-scale-'))
  const server = await spawnServer(dataDir, { ...process.env, LANYARD_LOG_LEVEL: 'warn', ...env })
  const end = async (signal: NodeJS.Signals) => {
    await server.stop(signal)
    await rm(dataDir, { recursive: true, force: true })
  }
  return {
    url: server.url,
    dataDir,
    child: server.child,
    stderr: server.stderr,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  }
}

/** The admin keys from the credentials file of whichever process created the default account. */
export async function adminKeys(
  processes: readonly LanyardProcess[],
): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const creator = processes.find(({ dataDir }) => existsSync(join(dataDir, 'credentials')))
  if (creator === undefined) throw new Error('no process wrote the credentials file')
  return dataDirAdminKeys(creator.dataDir)
}

/** A round-robin HTTP proxy in front of `targets`, the way a load balancer spreads requests. */
export interface RoundRobinProxy {
  readonly url: string
  /** Which targets may receive requests; a removed target gets none (a health check took it out). */
  targets: string[]
  close(): Promise<void>
}

/** Starts a round-robin proxy; a target that fails the connection is skipped for a second and the request goes to the next one. */
export async function roundRobinProxy(targets: readonly string[]): Promise<RoundRobinProxy> {
  let next = 0
  const down = new Map<string, number>()
  const state: { targets: string[] } = { targets: [...targets] }
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const attempt = (left: number) => {
        const up = state.targets.filter((target) => (down.get(target) ?? 0) < Date.now())
        const chosen = (up.length > 0 ? up : state.targets)[next++ % (up.length || state.targets.length)]!
        const target = new URL(chosen)
        const upstream = request(
          {
            host: target.hostname,
            port: target.port,
            method: req.method,
            path: req.url,
            headers: req.headers,
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers)
            answer.pipe(res)
          },
        )
        upstream.on('error', () => {
          // A failed connection takes the target out of the rotation for a second, as a health check would.
          down.set(chosen, Date.now() + 1000)
          if (left > 1 && !res.headersSent) attempt(left - 1)
          else if (!res.headersSent) res.writeHead(502).end()
          else res.destroy()
        })
        upstream.end(body)
      }
      attempt(state.targets.length)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    get targets() {
      return state.targets
    },
    set targets(value: string[]) {
      state.targets = value
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A TCP proxy to PostgreSQL that a test can cut (every connection dropped, new ones refused) and restore. */
export interface CuttableTcpProxy {
  readonly port: number
  /** Every open connection stops carrying data without closing (a silent network failure); new ones work. */
  stall(): void
  cut(): Promise<void>
  restore(): Promise<void>
  close(): Promise<void>
}

/** Forwards 127.0.0.1:<port> to `host:port`. */
export async function cuttableTcpProxy(host: string, port: number): Promise<CuttableTcpProxy> {
  const sockets = new Set<Socket>()
  const handle = (client: Socket) => {
    const upstream = connect(port, host)
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream)
    upstream.pipe(client)
  }
  let server: TcpServer = createTcpServer(handle)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const listenPort = (server.address() as { port: number }).port
  const closeServer = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy()
      server.close(() => resolve())
    })
  return {
    port: listenPort,
    stall() {
      for (const socket of sockets) {
        socket.unpipe()
        socket.pause()
      }
    },
    cut: closeServer,
    async restore() {
      server = createTcpServer(handle)
      await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve))
    },
    close: closeServer,
  }
}

/** Retries `check` until it passes or `ms` have gone by (one second: the scale-out promise). */
export async function within(ms: number, check: () => Promise<void>): Promise<number> {
  const started = Date.now()
  for (;;) {
    try {
      await check()
      return Date.now() - started
    } catch (error) {
      if (Date.now() - started > ms) throw error
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
}
