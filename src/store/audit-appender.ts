import { Kysely } from 'kysely'
import { auditRepository } from './kysely/audit.js'
import type { Database, RepoContext } from './kysely/index.js'
import type { AuditEventRecord, StoreConfig } from './ports/index.js'
import { postgresDialect, postgresErrors, postgresPool } from './postgres/dialect.js'
import { createSealer } from './secrets/index.js'
import { openSqliteDatabase, sqliteDialect, sqliteErrors } from './sqlite/dialect.js'

/** A connection of its own that only appends audit events: what a writer on another thread opens. */
export interface AuditAppender {
  /** Stores the events in one transaction. */
  append(events: readonly AuditEventRecord[]): Promise<void>
  close(): Promise<void>
}

/**
 * Opens an audit appender on the database of `config`, which must already be migrated (by `openStore`). It runs no
 * migrations and publishes no change notices: audit events are not state that any cache derives from.
 */
export function openAuditAppender(config: StoreConfig): AuditAppender {
  const sealer = createSealer(config.masterKey)
  const ctx: RepoContext =
    config.kind === 'sqlite'
      ? {
          db: new Kysely<Database>({
            dialect: sqliteDialect(openSqliteDatabase(config.file, config.synchronous)),
          }),
          dialect: sqliteErrors,
          sealer,
        }
      : {
          db: new Kysely<Database>({
            dialect: postgresDialect(postgresPool(config.url, config.schema ?? 'public', 1)),
          }),
          dialect: postgresErrors,
          sealer,
        }
  const audit = auditRepository(ctx)
  return {
    append: (events) => audit.append(events),
    close: () => ctx.db.destroy(),
  }
}
