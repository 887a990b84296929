import { type Kysely, sql } from 'kysely'
import { createKyselyStore, type Database, toStoreError } from '../kysely/index.js'
import type { Store } from '../ports/index.js'
import { postgresChangeTransport } from './change-transport.js'
import { openPostgresConnection, postgresSchema } from './dialect.js'

/** Where and how to open a PostgreSQL store. */
export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database`. */
  readonly url: string
  /** 32 bytes that seal secrets at rest. */
  readonly masterKey: Uint8Array
  /** The schema holding Lanyard's tables (`public` by default); created when missing. */
  readonly schema?: string
  /** Largest number of pooled connections; 10 by default. */
  readonly maxConnections?: number
}

/** Opens (and migrates) a PostgreSQL store. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const schema = options.schema ?? 'public'
  const { db, dialect, pool } = openPostgresConnection(options.url, schema, options.maxConnections ?? 10)
  try {
    await createSchema(db, schema)
  } catch (error) {
    await db.destroy()
    throw toStoreError(dialect, 'schema', error)
  }
  return createKyselyStore({
    db,
    dialect,
    schema: postgresSchema,
    migrationTableSchema: schema,
    masterKey: options.masterKey,
    changes: postgresChangeTransport(pool, options.url, schema),
    currentTime: async (db) =>
      new Date((await sql<{ now: Date | string }>`select clock_timestamp() as now`.execute(db)).rows[0]!.now),
  })
}

/**
 * `create schema if not exists` is not atomic: processes starting at once on a new schema can see it missing
 * and then collide on the catalog's unique index (23505). A schema that exists after the failure is a success.
 */
async function createSchema(db: Kysely<Database>, schema: string): Promise<void> {
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db)
  } catch (error) {
    const found = await sql<{
      one: number
    }>`select 1 as one from pg_namespace where nspname = ${schema}`.execute(db)
    if (found.rows.length === 0) throw error
  }
}
