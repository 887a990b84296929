import Database from 'better-sqlite3'
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
} from 'kysely'
import type { Database as Schema, SqlContext, SqlDialect } from '../kysely/index.js'
import type { SchemaDialect } from '../migrations/index.js'
import { cachingDatabase } from './statement-cache.js'

/** How SQLite syncs commits: FULL fsyncs the WAL on every commit, so an acknowledged write survives power loss. */
export type SqliteSynchronous = 'full' | 'normal'

/** Opens the database file with Lanyard's pragmas. */
export function openSqliteDatabase(file: string, synchronous: SqliteSynchronous = 'full'): Database.Database {
  const database = new Database(file)
  database.pragma('journal_mode = WAL')
  database.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`)
  database.pragma('foreign_keys = ON')
  database.pragma('busy_timeout = 5000')
  // 64 MiB of page cache (SQLite's default is 2 MiB): the audit indexes and hot tables stay in memory.
  database.pragma('cache_size = -65536')
  // Statement journals (multi-row inserts keep one) and temporary tables in memory, not in temporary files.
  database.pragma('temp_store = MEMORY')
  return database
}

/**
 * Kysely's SQLite driver with `BEGIN IMMEDIATE` transactions: they take the write lock when they begin, waiting
 * for it up to `busy_timeout`. CAUTION: a deferred `BEGIN` that reads and then writes fails at once with
 * SQLITE_BUSY (or SQLITE_BUSY_SNAPSHOT) when another process on the same file (a `--workers` sibling, `lanyard
 * accounts create`) holds or has just released the write lock: SQLite calls no busy handler for a read
 * transaction that upgrades.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig

  constructor(config: SqliteDialectConfig) {
    super(config)
    this.#config = config
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config)
  }
}

/** Kysely's SQLite dialect over an open database, with its prepared statements cached and immediate transactions. */
export function sqliteDialect(database: Database.Database): SqliteDialect {
  return new ImmediateSqliteDialect({ database: cachingDatabase(database) })
}

/** Opens the database file with Lanyard's pragmas behind Kysely: the store's connection, or the audit writer's own. */
export function openSqliteConnection(
  file: string,
  synchronous?: SqliteSynchronous,
): SqlContext & { readonly database: Database.Database } {
  const database = openSqliteDatabase(file, synchronous)
  return { db: new Kysely<Schema>({ dialect: sqliteDialect(database) }), dialect: sqliteErrors, database }
}

/** SQLite's BINARY collation already orders text byte-wise. */
export const sqliteSchema: SchemaDialect = { keyType: sql`text` }

/** Classifies better-sqlite3 errors by their extended result codes. */
export const sqliteErrors: SqlDialect = {
  name: 'sqlite',
  classify(error) {
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
    if (typeof code !== 'string') return { kind: 'other' }
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
      return { kind: 'unique', code }
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return { kind: 'foreign-key', code }
    return { kind: 'other', code }
  },
  // One connection serializes a process's transactions, and BEGIN IMMEDIATE waits for other processes' ones.
  retryable: () => false,
}
