import { dirname, join } from 'node:path'
import type Database from 'better-sqlite3'
import { sql } from 'kysely'
import { type ChangeTransport, createKyselyStore } from '../kysely/index.js'
import type { Store } from '../ports/index.js'
import { sqliteChangeTransport } from './change-transport.js'
import { openSqliteConnection, type SqliteSynchronous, sqliteSchema } from './dialect.js'
import { fileBlobStore } from './file-blob-store.js'

export type { SqliteSynchronous } from './dialect.js'

/** Where and how to open a SQLite store. */
export interface SqliteStoreOptions {
  /** The database file; its directory must exist. */
  readonly file: string
  /** 32 bytes that seal secrets at rest. */
  readonly masterKey: Uint8Array
  /** `full` (the default) survives power loss; `normal` survives a process kill only. */
  readonly synchronous?: SqliteSynchronous
  /** Carries change notices; by default in-process, finding other processes' commits through `PRAGMA data_version`. */
  readonly changes?: ChangeTransport
  /** Where S3 object bytes are kept; `s3` beside the database file by default. */
  readonly blobDir?: string
}

/** Opens (and migrates) a SQLite store in WAL mode. */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  const blobs = await fileBlobStore(options.blobDir ?? join(dirname(options.file), 's3'))
  const { db, dialect, database } = openSqliteConnection(options.file, options.synchronous)
  return createKyselyStore({
    db,
    dialect,
    schema: sqliteSchema,
    masterKey: options.masterKey,
    changes: options.changes ?? sqliteChangeTransport(dataVersionReader(database)),
    blobs,
    currentTime: async (db) =>
      new Date(
        (await sql<{ now: string }>`select strftime('%Y-%m-%dT%H:%M:%fZ', 'now') as now`.execute(db)).rows[0]!
          .now,
      ),
  })
}

/** Reads `PRAGMA data_version` through one prepared statement. */
function dataVersionReader(database: Database.Database): () => unknown {
  const statement = database.prepare('PRAGMA data_version').pluck()
  return () => statement.get()
}
