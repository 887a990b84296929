import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'

/** Tables that change on every request by design: the audit trail. */
const EXCLUDED_TABLES = new Set(['audit_events'])
/** Columns that legitimately change when a valid request is signed (GetAccessKeyLastUsed). */
const EXCLUDED_COLUMNS = new Set(['last_used_at', 'last_used_service', 'last_used_region'])

/** Row count and content hash of every stored table but the audit trail, read from the SQLite file. */
export function snapshotState(file: string): Record<string, { rows: number; sha256: string }> {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const tables = db
      .prepare(
        `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`,
      )
      .all() as Array<{ name: string }>
    const out: Record<string, { rows: number; sha256: string }> = {}
    for (const { name } of tables) {
      if (EXCLUDED_TABLES.has(name)) continue
      const rows = db.prepare(`select * from "${name}" order by rowid`).all() as Array<
        Record<string, unknown>
      >
      const hash = createHash('sha256')
      for (const row of rows) {
        for (const column of EXCLUDED_COLUMNS) delete row[column]
        hash.update(JSON.stringify(row))
      }
      out[name] = { rows: rows.length, sha256: hash.digest('hex') }
    }
    return out
  } finally {
    db.close()
  }
}
