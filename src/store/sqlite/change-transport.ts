import type { ChangeTransport } from '../kysely/index.js'

/**
 * How often `catchUp` reads `PRAGMA data_version` at most: each read takes and drops a shared lock (two fcntl
 * calls), so per request it is a cost; another process's write is seen within this time.
 */
const CATCH_UP_MS = 20

/** Everything may be stale. */
const EVERYTHING = JSON.stringify({ topic: '*' })

/**
 * Notices within this process are delivered directly. Writes by another process on the same file
 * (a second server, `lanyard accounts create`) carry no notice; `catchUp` finds them through
 * `PRAGMA data_version`, which changes when another connection commits, and announces `*`. `dataVersion`
 * reads it through a statement prepared once (better-sqlite3's `pragma()` prepares on every call).
 */
export function sqliteChangeTransport(
  dataVersion?: () => unknown,
  intervalMs = CATCH_UP_MS,
): ChangeTransport {
  const sinks = new Set<(payload: string) => void>()
  const version = () => dataVersion?.()
  let seen = version()
  let lastRead = performance.now()
  return {
    async send(payload) {
      for (const sink of [...sinks]) sink(payload)
    },
    async listen(deliver) {
      sinks.add(deliver)
      return async () => {
        sinks.delete(deliver)
      }
    },
    catchUp(deliver) {
      const now = performance.now()
      if (now - lastRead < intervalMs) return
      lastRead = now
      const current = version()
      if (current === seen) return
      seen = current
      deliver(EVERYTHING)
    },
  }
}
