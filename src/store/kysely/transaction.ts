import { setTimeout as sleep } from 'node:timers/promises'
import type { ChangeFeed, Repositories, StoreChange, TransactionOptions } from '../ports/index.js'
import { StoreUnavailable } from '../ports/index.js'
import { type RepoContext, toStoreError } from './context.js'
import { repositories } from './repositories.js'

const ATTEMPTS = 5

/** Runs `work` in a transaction, sends the changes it published after the commit, and re-runs it on serialization failures. */
export async function runTransaction<T>(
  ctx: RepoContext,
  changes: ChangeFeed,
  work: (tx: Repositories) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const pending: StoreChange[] = []
    let failure: { error: unknown } | undefined
    let result: T
    try {
      const builder = ctx.db.transaction()
      result = await (options.serializable ? builder.setIsolationLevel('serializable') : builder).execute(
        async (tx) => {
          const deferred: ChangeFeed = {
            publish: async (c) => void pending.push(c),
            subscribe: changes.subscribe,
            catchUp: changes.catchUp,
          }
          try {
            return await work(
              Object.assign(repositories({ db: tx, dialect: ctx.dialect, sealer: ctx.sealer }), {
                changes: deferred,
              }),
            )
          } catch (error) {
            failure = { error }
            throw error
          }
        },
      )
    } catch (error) {
      const fromWork = failure !== undefined && failure.error === error
      const storeError = fromWork ? error : toStoreError(ctx.dialect, 'transaction', error)
      const retry =
        storeError instanceof StoreUnavailable &&
        ctx.dialect.retryable(storeError.driverCode) &&
        attempt < ATTEMPTS
      if (retry) {
        // Spread the re-runs so that colliding transactions do not collide again.
        await sleep(attempt * 5 + Math.random() * 20)
        continue
      }
      throw storeError
    }
    for (const change of pending) await changes.publish(change)
    return result
  }
}
