import { type Kysely, Migrator, sql } from 'kysely'
import { migrationProvider, type SchemaDialect } from '../migrations/index.js'
import {
  type BlobStore,
  type ChangeFeed,
  type SettingsRepository,
  type Store,
  StoreSealedSecretError,
} from '../ports/index.js'
import { createSealer, type Sealer } from '../secrets/index.js'
import { type ChangeTransport, createChangeFeed } from './change-feed.js'
import { guard, type RepoContext, type SqlDialect } from './context.js'
import type { Database } from './database.js'
import { repositories } from './repositories.js'
import { tableBlobStore } from './s3-blobs.js'
import { runTransaction } from './transaction.js'

/** What a dialect adapter hands over to build a store. */
export interface KyselyStoreOptions {
  readonly db: Kysely<Database>
  readonly dialect: SqlDialect
  readonly schema: SchemaDialect
  /** Where Kysely keeps its migration tables (PostgreSQL schema); the default search path when absent. */
  readonly migrationTableSchema?: string
  readonly masterKey: Uint8Array
  /** Carries change notices between processes. */
  readonly changes: ChangeTransport
  /** Where S3 object bytes go; the `s3_blobs` table when absent. */
  readonly blobs?: BlobStore
  /** The database server's current time (one query). */
  readonly currentTime: (db: Kysely<Database>) => Promise<Date>
}

const CHECK_KEY = 'master-key-check'
const CHECK_TEXT = 'lanyard master key check'

/** Runs pending migrations; throws naming the migration that failed. */
export async function migrate(options: KyselyStoreOptions): Promise<readonly string[]> {
  const migrator = new Migrator({
    db: options.db,
    provider: migrationProvider(options.schema),
    ...(options.migrationTableSchema === undefined
      ? {}
      : { migrationTableSchema: options.migrationTableSchema }),
  })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error !== undefined) {
    const detail = error instanceof Error ? error.message : String(error)
    throw new Error(`Store migration ${failed?.migrationName ?? ''} failed: ${detail}`)
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/** Stores a value sealed under the master key on first open; later opens must be able to read it. */
async function checkMasterKey(settings: SettingsRepository, sealer: Sealer): Promise<void> {
  await settings.putIfAbsent('global', CHECK_KEY, sealer.seal(CHECK_TEXT, CHECK_KEY), new Date())
  const check = await settings.get('global', CHECK_KEY)
  let opened: string | undefined
  try {
    opened = check === undefined ? undefined : sealer.open(check, CHECK_KEY)
  } catch {}
  if (opened !== CHECK_TEXT) {
    throw new StoreSealedSecretError('The master key is not the one this database was created with.')
  }
}

/** Migrates the database, checks the master key against the one it was created with, and builds the store. */
export async function createKyselyStore(options: KyselyStoreOptions): Promise<Store> {
  let sealer: Sealer
  try {
    sealer = createSealer(options.masterKey)
    await migrate(options)
    await checkMasterKey(repositories({ db: options.db, dialect: options.dialect, sealer }).settings, sealer)
  } catch (error) {
    await options.db.destroy()
    throw error
  }
  const ctx: RepoContext = { db: options.db, dialect: options.dialect, sealer }
  const feed = createChangeFeed(options.changes)
  const changes: ChangeFeed = {
    publish: (change) => guard(ctx, 'change notice', () => feed.publish(change)),
    subscribe: (listener) => feed.subscribe(listener),
    catchUp: () => feed.catchUp(),
  }
  return {
    changes,
    ...repositories(ctx),
    dialect: options.dialect.name,
    blobs: options.blobs ?? tableBlobStore(ctx),
    transaction: (work, transactionOptions) => runTransaction(ctx, changes, work, transactionOptions),
    ping: () => guard(ctx, 'database', async () => void (await sql`select 1`.execute(options.db))),
    databaseTime: () => guard(ctx, 'database', () => options.currentTime(options.db)),
    async close() {
      await feed.close()
      await options.db.destroy()
    },
  }
}
