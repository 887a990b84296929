import { createHash } from 'node:crypto'
import pg from 'pg'
import type { ChangeTransport } from '../kysely/index.js'

/** One channel per schema, so installations sharing a database do not hear each other. */
export const channelFor = (schema: string): string =>
  `lanyard_${createHash('sha256').update(schema).digest('hex').slice(0, 16)}`

const RECONNECT_MS = 500

/** Everything may be stale. */
const EVERYTHING = JSON.stringify({ topic: '*' })

/** The bounded fallback behind LISTEN/NOTIFY. */
export interface ChangePolling {
  /** How often the listening connection is probed with `select 1`; a probe that fails or hangs reconnects. */
  readonly heartbeatMs: number
  /** How often `*` is announced regardless, bounding staleness when a notice was never sent (a crash after a commit). */
  readonly refreshMs: number
}

/** Probe every 2 seconds (a probe may take as long); announce `*` every 30 seconds. */
export const DEFAULT_POLLING: ChangePolling = { heartbeatMs: 2_000, refreshMs: 30_000 }

/**
 * LISTEN/NOTIFY: notices reach every process connected to the database. Notices are lost while the
 * listening connection is down, so losing it announces `*`, `catchUp` announces `*` on every call until it is
 * back (nothing cached is trusted while deaf), and the reconnect announces `*` again. A heartbeat finds a
 * connection that died silently; a periodic `*` bounds how long a change without a notice can go unseen.
 */
export function postgresChangeTransport(
  pool: pg.Pool,
  url: string,
  schema: string,
  polling: ChangePolling = DEFAULT_POLLING,
): ChangeTransport {
  const channel = channelFor(schema)
  let deaf = false
  return {
    catchUp(deliver) {
      if (deaf) deliver(EVERYTHING)
    },
    async send(payload) {
      await pool.query('select pg_notify($1, $2)', [channel, payload])
    },
    async listen(deliver) {
      let client: pg.Client | undefined
      let stopped = false
      const retired = new WeakSet<pg.Client>()
      const connect = async (): Promise<void> => {
        const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 })
        next.on('notification', (message) => {
          if (message.channel === channel && message.payload !== undefined) deliver(message.payload)
        })
        next.on('error', () => reconnect(next))
        try {
          await next.connect()
          await next.query(`LISTEN ${channel}`)
        } catch {
          reconnect(next)
          return
        }
        if (stopped) return void next.end().catch(() => {})
        client = next
        // Notices sent while disconnected are lost, so everything cached may be stale.
        if (deaf) deliver(EVERYTHING)
        deaf = false
      }
      const reconnect = (failed: pg.Client) => {
        if (retired.has(failed)) return
        retired.add(failed)
        failed.end().catch(() => {})
        if (client === failed) client = undefined
        if (stopped) return
        if (!deaf) deliver(EVERYTHING)
        deaf = true
        setTimeout(() => void connect(), RECONNECT_MS).unref()
      }
      const probe = (target: pg.Client) => {
        const timeout = setTimeout(() => reconnect(target), polling.heartbeatMs)
        target.query('select 1').then(
          () => clearTimeout(timeout),
          () => {
            clearTimeout(timeout)
            reconnect(target)
          },
        )
      }
      const heartbeat = setInterval(() => {
        if (client !== undefined && !retired.has(client)) probe(client)
      }, polling.heartbeatMs)
      heartbeat.unref()
      const refresh = setInterval(() => deliver(EVERYTHING), polling.refreshMs)
      refresh.unref()
      await connect()
      return async () => {
        stopped = true
        clearInterval(heartbeat)
        clearInterval(refresh)
        await client?.end().catch(() => {})
      }
    },
  }
}
