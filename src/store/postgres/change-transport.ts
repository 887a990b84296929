import { createHash } from 'node:crypto'
import pg from 'pg'
import type { ChangeTransport } from '../kysely/index.js'

/** One channel per schema, so installations sharing a database do not hear each other. */
export const channelFor = (schema: string): string =>
  `lanyard_${createHash('sha256').update(schema).digest('hex').slice(0, 16)}`

const RECONNECT_MS = 500

/** LISTEN/NOTIFY: notices reach every process connected to the database; a reconnect announces `*`. */
export function postgresChangeTransport(pool: pg.Pool, url: string, schema: string): ChangeTransport {
  const channel = channelFor(schema)
  return {
    async send(payload) {
      await pool.query('select pg_notify($1, $2)', [channel, payload])
    },
    async listen(deliver) {
      let client: pg.Client | undefined
      let stopped = false
      const retired = new WeakSet<pg.Client>()
      let connectedBefore = false
      const connect = async (): Promise<void> => {
        const next = new pg.Client({ connectionString: url })
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
        if (connectedBefore) deliver(JSON.stringify({ topic: '*' }))
        connectedBefore = true
      }
      const reconnect = (failed: pg.Client) => {
        if (retired.has(failed)) return
        retired.add(failed)
        failed.end().catch(() => {})
        if (client === failed) client = undefined
        if (!stopped) setTimeout(() => void connect(), RECONNECT_MS).unref()
      }
      await connect()
      return async () => {
        stopped = true
        await client?.end().catch(() => {})
      }
    },
  }
}
