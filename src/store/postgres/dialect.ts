import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { Database, SqlContext, SqlDialect } from '../kysely/index.js'
import type { SchemaDialect } from '../migrations/index.js'

/** Schema names Lanyard accepts; they need no quoting in the search path. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/

/** A pg pool whose connections use `schema` as their search path. */
export function postgresPool(url: string, schema: string, maxConnections: number): pg.Pool {
  if (!SCHEMA_NAME.test(schema)) throw new RangeError(`Invalid PostgreSQL schema name: ${schema}`)
  const pool = new pg.Pool({
    connectionString: url,
    max: maxConnections,
    options: `-c search_path=${schema}`,
    // Fail a request instead of waiting forever when the database does not answer.
    connectionTimeoutMillis: 10_000,
  })
  // An idle client that loses its connection is discarded by the pool; the next query reports the failure.
  pool.on('error', () => {})
  // pg emits 'error' on a checked-out client that loses its connection between queries (inside a transaction,
  // say), and the pool listens only to idle ones: unheard, it would end the process. The query in flight, or
  // the next one, fails with the error, and the pool drops the broken client on release.
  pool.on('connect', (client) => {
    client.on('error', () => {})
  })
  return pool
}

/** A pool of `maxConnections` on `schema` behind Kysely: the store's connections, or the audit writer's own. */
export function openPostgresConnection(
  url: string,
  schema: string,
  maxConnections: number,
): SqlContext & { readonly pool: pg.Pool } {
  const pool = postgresPool(url, schema, maxConnections)
  return { db: new Kysely<Database>({ dialect: postgresDialect(pool) }), dialect: postgresErrors, pool }
}

/** Kysely's PostgreSQL dialect over `pool`. */
export const postgresDialect = (pool: pg.Pool): PostgresDialect => new PostgresDialect({ pool })

/** Keys use the "C" collation so they order byte-wise whatever the database locale (as in SQLite). */
export const postgresSchema: SchemaDialect = { keyType: sql`text collate "C"` }

/** Classifies pg errors by SQLSTATE. */
export const postgresErrors: SqlDialect = {
  name: 'postgres',
  classify(error) {
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
    if (typeof code !== 'string') return { kind: 'other' }
    if (code === '23505') return { kind: 'unique', code }
    if (code === '23503') return { kind: 'foreign-key', code }
    return { kind: 'other', code }
  },
  // serialization_failure and deadlock_detected.
  retryable: (code) => code === '40001' || code === '40P01',
}
