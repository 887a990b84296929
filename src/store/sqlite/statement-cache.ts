import type Database from 'better-sqlite3'
import type { SqliteDatabase } from 'kysely'

/** How many prepared statements are kept; the least recently used goes first. */
const LIMIT = 1000

/**
 * The connection as Kysely's SQLite dialect sees it, with prepared statements kept by SQL text:
 * Kysely prepares every query anew, and preparing costs more than running a short query.
 * Safe because better-sqlite3 runs a statement to completion before the next one starts (Lanyard
 * never streams results).
 */
export function cachingDatabase(database: Database.Database): SqliteDatabase {
  const statements = new Map<string, Database.Statement>()
  return {
    prepare(text) {
      let statement = statements.get(text)
      if (statement === undefined) {
        statement = database.prepare(text)
        if (statements.size >= LIMIT) statements.delete(statements.keys().next().value!)
      } else statements.delete(text)
      statements.set(text, statement)
      return statement
    },
    close() {
      statements.clear()
      database.close()
    },
  }
}
