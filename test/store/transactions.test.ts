import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { StoreConflict } from '../../src/store/index.js'
import { DIALECTS, withStore } from './dialects.js'
import { ACCOUNT, addRole, addUser, seedAccounts, T0 } from './fixtures.js'

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: transactions`, () => {
    it('commits every write of a transaction together', () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        const result = await store.transaction(async (tx) => {
          await tx.users.insert({
            id: 'AIDA1',
            accountId: ACCOUNT,
            name: 'ann',
            path: '/',
            tags: [],
            createdAt: T0,
          })
          await tx.policies.insert({
            id: 'ANPA1',
            accountId: ACCOUNT,
            arn: `arn:aws:iam::${ACCOUNT}:policy/p`,
            name: 'p',
            path: '/',
            document: '{}',
            tags: [],
            createdAt: T0,
          })
          await tx.attachments.attach({ kind: 'user', id: 'AIDA1' }, 'ANPA1', T0)
          return 'done'
        })
        assert.equal(result, 'done')
        assert.equal((await store.policies.get('ANPA1'))?.attachmentCount, 1)
        assert.equal((await store.policies.getVersion('ANPA1', 'v1'))?.document, '{}')
      }))

    it('rolls back every write and rethrows the error unchanged when the work throws', () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        class DomainError extends Error {}
        await assert.rejects(
          store.transaction(async (tx) => {
            await addUser(tx, 'AIDA1', 'ann')
            await tx.inlinePolicies.put({ kind: 'user', id: 'AIDA1' }, 'p', '{}', T0)
            throw new DomainError('LimitExceeded')
          }),
          DomainError,
        )
        assert.equal(await store.users.get('AIDA1'), undefined)
        assert.deepEqual(await store.inlinePolicies.list({ kind: 'user', id: 'AIDA1' }), [])
      }))

    it('keeps a counted limit under concurrent serializable transactions', async () => {
      const db = await dialect.create()
      const first = await db.open()
      // One process owns a SQLite file; PostgreSQL gets a second pool, as another server process would have.
      const second = dialect.name === 'postgres' ? await db.open() : first
      try {
        await seedAccounts(first)
        await addUser(first, 'AIDA1', 'ann')
        const createIfUnderLimit = (store: typeof first, n: number) =>
          store.transaction(
            async (tx) => {
              const keys = await tx.accessKeys.listForUser('AIDA1')
              if (keys.length >= 2) return false
              // Widen the window between the count and the write so that the transactions overlap.
              await sleep(30)
              await tx.accessKeys.insert({
                id: `AKIA${n}`,
                accountId: ACCOUNT,
                userId: 'AIDA1',
                secretAccessKey: `s${n}`,
                status: 'Active',
                createdAt: T0,
              })
              return true
            },
            { serializable: true },
          )
        // Open the pools' connections first, so that every transaction starts at once.
        await Promise.all([first, second, first, second].map((store) => store.transaction(() => sleep(20))))
        const created = await Promise.all(
          [0, 1, 2, 3, 4, 5].map((n) => createIfUnderLimit(n % 2 ? first : second, n)),
        )
        assert.equal(created.filter(Boolean).length, 2)
        assert.equal((await first.accessKeys.listForUser('AIDA1')).length, 2)
      } finally {
        await first.close()
        if (second !== first) await second.close()
        await db.dispose()
      }
    })

    it('rolls back when a store error ends the transaction', () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        await addRole(store, 'AROA1', 'taken')
        await assert.rejects(
          store.transaction(async (tx) => {
            await tx.users.insert({
              id: 'AIDA1',
              accountId: ACCOUNT,
              name: 'ann',
              path: '/',
              tags: [],
              createdAt: T0,
            })
            await addRole(tx, 'AROA2', 'TAKEN')
          }),
          StoreConflict,
        )
        assert.equal(await store.users.get('AIDA1'), undefined)
        assert.equal(await store.roles.count(ACCOUNT), 1)
      }))
  })
}
