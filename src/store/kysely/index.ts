export {
  type ChangeTransport,
  createChangeFeed,
  EVERYTHING,
  type ManagedChangeFeed,
} from './change-feed.js'
export { type RepoContext, type SqlContext, type SqlDialect, toStoreError } from './context.js'
export { createKyselyStore, type KyselyStoreOptions, migrate } from './create-store.js'
export type { Database } from './database.js'
