import type { Kysely } from 'kysely'
import {
  StoreConflict,
  type StoreDialect,
  StoreError,
  StoreInUse,
  StoreMissingReference,
  StoreUnavailable,
} from '../ports/index.js'
import type { Sealer } from '../secrets/index.js'
import type { Database } from './database.js'

/** How a dialect classifies its driver's errors; the only dialect knowledge the repositories need. */
export interface SqlDialect {
  readonly name: StoreDialect
  /** Whether `error` is a unique or foreign-key violation, with the driver's code. */
  classify(error: unknown): { readonly kind: 'unique' | 'foreign-key' | 'other'; readonly code?: string }
  /** Whether a transaction that failed with this driver code may succeed when re-run. */
  retryable(code: string | undefined): boolean
}

/** A connection and how its dialect classifies errors: what running a query needs. */
export interface SqlContext {
  readonly db: Kysely<Database>
  readonly dialect: SqlDialect
}

/** What every repository works with: a connection, and the sealer of secrets at rest. */
export interface RepoContext extends SqlContext {
  readonly sealer: Sealer
}

/** Runs `work`, turning driver errors into store errors; a foreign-key violation means `onForeignKey`. */
export async function guard<T>(
  ctx: SqlContext,
  entity: string,
  work: () => Promise<T>,
  onForeignKey: 'missing-reference' | 'in-use' = 'missing-reference',
): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw toStoreError(ctx.dialect, entity, error, onForeignKey)
  }
}

/** The store error for a driver error. */
export function toStoreError(
  dialect: SqlDialect,
  entity: string,
  error: unknown,
  onForeignKey: 'missing-reference' | 'in-use' = 'missing-reference',
): StoreError {
  if (error instanceof StoreError) return error
  const { kind, code } = dialect.classify(error)
  if (kind === 'unique') return new StoreConflict(entity)
  if (kind === 'foreign-key')
    return onForeignKey === 'in-use' ? new StoreInUse(entity) : new StoreMissingReference(entity)
  return new StoreUnavailable(code)
}

/** Runs `work` in the current transaction, or in a new one when there is none. */
export function inTx<T>(db: Kysely<Database>, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work)
}
