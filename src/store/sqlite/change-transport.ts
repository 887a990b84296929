import type { ChangeTransport } from '../kysely/index.js'

/** An in-process transport: one process owns a SQLite file, so notices need not leave it. */
export function sqliteChangeTransport(): ChangeTransport {
  const sinks = new Set<(payload: string) => void>()
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
  }
}
