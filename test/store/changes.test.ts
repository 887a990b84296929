import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import type { StoreChange } from '../../src/store/index.js'
import { DIALECTS, withStore } from './dialects.js'
import { ACCOUNT } from './fixtures.js'

/** Waits until `received` holds `count` changes, or fails after two seconds. */
async function until(received: StoreChange[], count: number): Promise<void> {
  for (let waited = 0; received.length < count; waited += 10) {
    if (waited > 2000) assert.fail(`expected ${count} changes, got ${JSON.stringify(received)}`)
    await sleep(10)
  }
}

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: change feed`, () => {
    it('delivers published changes to subscribers until they unsubscribe', () =>
      withStore(dialect, async (store) => {
        const received: StoreChange[] = []
        const unsubscribe = await store.changes.subscribe((c) => received.push(c))
        await store.changes.publish({ topic: 'role', accountId: ACCOUNT, id: 'AROA1' })
        await until(received, 1)
        assert.deepEqual(received, [{ topic: 'role', accountId: ACCOUNT, id: 'AROA1' }])
        unsubscribe()
        await store.changes.publish({ topic: 'role' })
        await sleep(100)
        assert.equal(received.length, 1)
      }))

    it('sends a change published in a transaction after the commit, and never after a rollback', () =>
      withStore(dialect, async (store) => {
        const received: StoreChange[] = []
        await store.changes.subscribe((c) => received.push(c))
        await assert.rejects(
          store.transaction(async (tx) => {
            await tx.changes.publish({ topic: 'rolled-back' })
            throw new Error('abort')
          }),
        )
        await store.transaction(async (tx) => {
          await tx.changes.publish({ topic: 'committed' })
          await sleep(50)
          assert.deepEqual(received, [], 'delivered before the commit')
        })
        await until(received, 1)
        await sleep(100)
        assert.deepEqual(received, [{ topic: 'committed' }])
      }))

    if (dialect.name === 'postgres') {
      it('reaches a store opened separately on the same database (another process)', async () => {
        const db = await dialect.create()
        const a = await db.open()
        const b = await db.open()
        try {
          const heard: StoreChange[] = []
          await b.changes.subscribe((c) => heard.push(c))
          await a.changes.publish({ topic: 'iam', accountId: ACCOUNT })
          await until(heard, 1)
          assert.deepEqual(heard, [{ topic: 'iam', accountId: ACCOUNT }])
        } finally {
          await a.close()
          await b.close()
          await db.dispose()
        }
      })
    }

    if (dialect.name === 'sqlite') {
      it('announces everything on catch-up after another store on the same file commits', async () => {
        const db = await dialect.create()
        const a = await db.open()
        const b = await db.open()
        try {
          const heard: StoreChange[] = []
          await b.changes.subscribe((c) => heard.push(c))
          await afterCatchUpInterval()
          b.changes.catchUp()
          assert.deepEqual(heard, [])
          await b.settings.put('global', 'own-write', 'x', new Date())
          await afterCatchUpInterval()
          b.changes.catchUp()
          assert.deepEqual(heard, [], 'its own writes carry their own notices')
          await a.settings.put('global', 'k', 'v', new Date())
          await afterCatchUpInterval()
          b.changes.catchUp()
          assert.deepEqual(heard, [{ topic: '*' }])
          await afterCatchUpInterval()
          b.changes.catchUp()
          assert.equal(heard.length, 1)
        } finally {
          await a.close()
          await b.close()
          await db.dispose()
        }
      })
    }
  })
}

/** Waits past the SQLite transport's catch-up interval (20 ms). */
function afterCatchUpInterval(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 25))
}
