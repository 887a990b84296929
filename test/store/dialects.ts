import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { openStore, type Store, type StoreConfig } from '../../src/store/index.js'

/** The master key every store test uses. */
export const TEST_KEY = new Uint8Array(32).fill(42)

/** A fresh, empty database of one dialect. */
export interface TestDatabase {
  /** Opens (and migrates) a store on this database; `masterKey` defaults to TEST_KEY. */
  open(masterKey?: Uint8Array): Promise<Store>
  /** Every row of a table, read with the driver, bypassing the store. */
  rows(table: string): Promise<Record<string, unknown>[]>
  /** Drops the database. */
  dispose(): Promise<void>
}

/** A dialect the store suite runs against. */
export interface TestDialect {
  readonly name: 'sqlite' | 'postgres'
  /** A new database nobody else uses. */
  create(): Promise<TestDatabase>
}

const sqlite: TestDialect = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'lanyard-store-'))
    const file = join(dir, 'lanyard.db')
    return {
      open: (masterKey = TEST_KEY) => openStore({ kind: 'sqlite', file, masterKey }),
      async rows(table) {
        const db = new Database(file, { readonly: true })
        try {
          return db.prepare(`select * from "${table}"`).all() as Record<string, unknown>[]
        } finally {
          db.close()
        }
      },
      async dispose() {
        rmSync(dir, { recursive: true, force: true })
      },
    }
  },
}

const postgres = (url: string): TestDialect => ({
  name: 'postgres',
  async create() {
    const schema = `lanyard_test_${randomBytes(6).toString('hex')}`
    const config: StoreConfig = { kind: 'postgres', url, schema, masterKey: TEST_KEY, maxConnections: 4 }
    const query = async (text: string) => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        return (await client.query(text)).rows as Record<string, unknown>[]
      } finally {
        await client.end()
      }
    }
    return {
      open: (masterKey = TEST_KEY) => openStore({ ...config, masterKey }),
      rows: (table) => query(`select * from "${schema}"."${table}"`),
      async dispose() {
        await query(`drop schema if exists "${schema}" cascade`)
      },
    }
  },
})

/** SQLite always; PostgreSQL when LANYARD_TEST_POSTGRES_URL is set. */
export const DIALECTS: readonly TestDialect[] = [
  sqlite,
  ...(process.env.LANYARD_TEST_POSTGRES_URL ? [postgres(process.env.LANYARD_TEST_POSTGRES_URL)] : []),
]

/** Opens a store on a fresh database for one test and disposes of both afterwards. */
export async function withStore<T>(
  dialect: TestDialect,
  work: (store: Store, db: TestDatabase) => Promise<T>,
): Promise<T> {
  const db = await dialect.create()
  const store = await db.open()
  try {
    return await work(store, db)
  } finally {
    await store.close()
    await db.dispose()
  }
}
