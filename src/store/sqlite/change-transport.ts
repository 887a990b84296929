import type { ChangeTransport } from '../kysely/index.js'

/** Everything may be stale. */
const EVERYTHING = JSON.stringify({ topic: '*' })

/**
 * Notices within this process are delivered directly. Writes by another process on the same file
 * (a second server, `lanyard accounts create`) carry no notice; `catchUp` finds them through
 * `PRAGMA data_version`, which changes when another connection commits, and announces `*`. `dataVersion`
 * reads it through a statement prepared once (better-sqlite3's `pragma()` prepares on every call).
 */
export function sqliteChangeTransport(dataVersion?: () => unknown): ChangeTransport {
  const sinks = new Set<(payload: string) => void>()
  const version = () => dataVersion?.()
  let seen = version()
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
      const current = version()
      if (current === seen) return
      seen = current
      deliver(EVERYTHING)
    },
  }
}
