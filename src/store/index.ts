import type { Store, StoreConfig } from './ports/index.js'
import { openPostgresStore } from './postgres/index.js'
import { openSqliteStore } from './sqlite/index.js'

export { type AuditAppender, openAuditAppender } from './audit-appender.js'
export * from './ports/index.js'
export { openPostgresStore, type PostgresStoreOptions } from './postgres/index.js'
export * from './secrets/index.js'
export { openSqliteStore, type SqliteStoreOptions } from './sqlite/index.js'

/** Opens the store the config names, running pending migrations first. */
export function openStore(config: StoreConfig): Promise<Store> {
  if (config.kind === 'sqlite') return openSqliteStore(config)
  return openPostgresStore(config)
}
