import { auditRepository } from './kysely/audit.js'
import type { AuditEventRecord, StoreConfig } from './ports/index.js'
import { openPostgresConnection } from './postgres/dialect.js'
import { openSqliteConnection } from './sqlite/dialect.js'

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
  const ctx =
    config.kind === 'sqlite'
      ? openSqliteConnection(config.file, config.synchronous)
      : openPostgresConnection(config.url, config.schema ?? 'public', 1)
  const audit = auditRepository(ctx)
  return {
    append: (events) => audit.append(events),
    close: () => ctx.db.destroy(),
  }
}
