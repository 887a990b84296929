import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { StoreConflict, StoreMissingReference } from '../../src/store/index.js'
import { DIALECTS, withStore } from './dialects.js'
import { ACCOUNT, addGroup, addPolicy, addUser, at, OTHER_ACCOUNT, seedAccounts, T0 } from './fixtures.js'

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: accounts, users and groups`, () => {
    it('stores accounts and enforces unique ids and aliases', () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        await assert.rejects(
          store.accounts.insert({ id: ACCOUNT, name: 'again', createdAt: T0 }),
          StoreConflict,
        )
        assert.equal(await store.accounts.setAlias(ACCOUNT, 'acme'), true)
        assert.equal((await store.accounts.getByAlias('acme'))?.id, ACCOUNT)
        await assert.rejects(store.accounts.setAlias(OTHER_ACCOUNT, 'acme'), StoreConflict)
        assert.equal(await store.accounts.setAlias('999999999999', 'x'), false)
        assert.equal(await store.accounts.setAlias(ACCOUNT, undefined), true)
        assert.equal(await store.accounts.getByAlias('acme'), undefined)
        assert.deepEqual(
          (await store.accounts.list()).map((a) => [a.id, a.name, a.createdAt.toISOString()]),
          [
            [ACCOUNT, 'main', T0.toISOString()],
            [OTHER_ACCOUNT, 'other', T0.toISOString()],
          ],
        )
      }))

    it('creates, reads, updates and deletes a user', () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        const tags = [
          { key: 'team', value: 'core' },
          { key: 'Cost', value: '' },
        ]
        const created = await addUser(store, 'AIDAUSER1', 'Alice', { path: '/eng/', tags })
        assert.deepEqual(await store.users.get('AIDAUSER1'), created)
        assert.deepEqual(await store.users.getByName(ACCOUNT, 'ALICE'), created)
        assert.equal(await store.users.getByName(OTHER_ACCOUNT, 'alice'), undefined)
        const boundary = `arn:aws:iam::${ACCOUNT}:policy/Boundary`
        const updated = await store.users.update('AIDAUSER1', {
          name: 'alice2',
          path: '/ops/',
          permissionsBoundaryArn: boundary,
          passwordLastUsedAt: at(5),
        })
        assert.equal(updated?.name, 'alice2')
        assert.equal(updated?.path, '/ops/')
        assert.equal(updated?.permissionsBoundaryArn, boundary)
        assert.deepEqual(updated?.passwordLastUsedAt, at(5))
        assert.deepEqual(updated?.tags, tags)
        assert.equal(
          (await store.users.update('AIDAUSER1', { permissionsBoundaryArn: null }))?.permissionsBoundaryArn,
          undefined,
        )
        assert.equal(await store.users.update('AIDAMISSING', { path: '/x/' }), undefined)
        assert.equal(await store.users.count(ACCOUNT), 1)
        assert.equal(await store.users.delete('AIDAUSER1'), true)
        assert.equal(await store.users.delete('AIDAUSER1'), false)
        assert.equal(await store.users.get('AIDAUSER1'), undefined)
      }))

    it('rejects user and group names that differ only in case, within one account only', () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        await addUser(store, 'AIDA1', 'Admin')
        await assert.rejects(addUser(store, 'AIDA2', 'admin'), StoreConflict)
        await assert.rejects(
          addUser(store, 'AIDA3', 'ADMIN'),
          (e: unknown) => e instanceof StoreConflict && e.entity === 'user',
        )
        await store.users.insert({
          id: 'AIDA4',
          accountId: OTHER_ACCOUNT,
          name: 'admin',
          path: '/',
          tags: [],
          createdAt: T0,
        })
        await addUser(store, 'AIDA5', 'bob')
        await assert.rejects(store.users.update('AIDA5', { name: 'ADMIN' }), StoreConflict)
        assert.equal((await store.users.get('AIDA1'))?.name, 'Admin')
        await addGroup(store, 'AGPA1', 'Devs')
        await assert.rejects(addGroup(store, 'AGPA2', 'DEVS'), StoreConflict)
      }))

    it('refuses a user in an account that does not exist', () =>
      withStore(dialect, async (store) => {
        await assert.rejects(addUser(store, 'AIDA1', 'nobody'), StoreMissingReference)
      }))

    it('lists users by lower-cased name with a path prefix and keyset pages', () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        const names = ['delta', 'Alpha', 'charlie', 'Bravo', 'echo', 'foxtrot', 'golf']
        for (const [i, name] of names.entries()) {
          await addUser(store, `AIDA${i}`, name, { path: i % 2 === 0 ? '/team_a/' : '/teamXa/' })
        }
        const seen: string[] = []
        let after: string | undefined
        let pages = 0
        do {
          const page = await store.users.list(ACCOUNT, { limit: 3, ...(after ? { after } : {}) })
          seen.push(...page.items.map((u) => u.name))
          after = page.next
          pages++
        } while (after !== undefined)
        assert.deepEqual(seen, ['Alpha', 'Bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf'])
        assert.equal(pages, 3)
        // `_` is not a wildcard: /teamXa/ does not start with /team_a/.
        const filtered = await store.users.list(ACCOUNT, { limit: 10, pathPrefix: '/team_a/' })
        assert.deepEqual(
          filtered.items.map((u) => u.name),
          ['charlie', 'delta', 'echo', 'golf'],
        )
        assert.equal(filtered.next, undefined)
        assert.equal((await store.users.list(OTHER_ACCOUNT, { limit: 10 })).items.length, 0)
      }))

    it('keeps group memberships and removes them with either side', () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        await addUser(store, 'AIDA1', 'ann')
        await addUser(store, 'AIDA2', 'Ben')
        await addGroup(store, 'AGPA1', 'devs', { path: '/eng/' })
        await addGroup(store, 'AGPA2', 'Admins')
        assert.equal(await store.groups.addMember('AGPA1', 'AIDA1', T0), true)
        assert.equal(await store.groups.addMember('AGPA1', 'AIDA1', T0), false)
        await store.groups.addMember('AGPA1', 'AIDA2', T0)
        await store.groups.addMember('AGPA2', 'AIDA1', T0)
        await assert.rejects(store.groups.addMember('AGPA1', 'AIDAMISSING', T0), StoreMissingReference)
        assert.deepEqual(
          (await store.groups.listMembers('AGPA1')).map((u) => u.name),
          ['ann', 'Ben'],
        )
        assert.deepEqual(
          (await store.groups.listForUser('AIDA1')).map((g) => g.name),
          ['Admins', 'devs'],
        )
        assert.equal((await store.groups.update('AGPA1', { name: 'developers' }))?.name, 'developers')
        assert.equal(await store.groups.removeMember('AGPA1', 'AIDA2'), true)
        assert.equal(await store.groups.removeMember('AGPA1', 'AIDA2'), false)
        await store.users.delete('AIDA1')
        assert.deepEqual(await store.groups.listMembers('AGPA1'), [])
        await store.groups.addMember('AGPA2', 'AIDA2', T0)
        await store.groups.delete('AGPA2')
        assert.deepEqual(await store.groups.listForUser('AIDA2'), [])
        assert.equal(await store.groups.count(ACCOUNT), 1)
        assert.deepEqual(await store.groups.listMembers('AGPA2'), [])
      }))

    it('deletes a user with its access keys, memberships, inline policies and attachments', () =>
      withStore(dialect, async (store, db) => {
        await seedAccounts(store)
        await addUser(store, 'AIDA1', 'ann')
        await addUser(store, 'AIDA2', 'keep')
        await addGroup(store, 'AGPA1', 'devs')
        await addPolicy(store, 'ANPA1', 'Read')
        const ann = { kind: 'user' as const, id: 'AIDA1' }
        const keep = { kind: 'user' as const, id: 'AIDA2' }
        await store.groups.addMember('AGPA1', 'AIDA1', T0)
        await store.inlinePolicies.put(ann, 'inline', '{}', T0)
        await store.inlinePolicies.put(keep, 'inline', '{}', T0)
        await store.attachments.attach(ann, 'ANPA1', T0)
        await store.attachments.attach(keep, 'ANPA1', T0)
        await store.accessKeys.insert({
          id: 'AKIA1',
          accountId: ACCOUNT,
          userId: 'AIDA1',
          secretAccessKey: 'secret',
          status: 'Active',
          createdAt: T0,
        })
        assert.equal(await store.users.delete('AIDA1'), true)
        assert.deepEqual(await db.rows('access_keys'), [])
        assert.deepEqual(await db.rows('group_members'), [])
        assert.deepEqual(
          (await db.rows('inline_policies')).map((r) => r.principal_id),
          ['AIDA2'],
        )
        assert.deepEqual(
          (await db.rows('policy_attachments')).map((r) => r.principal_id),
          ['AIDA2'],
        )
        assert.equal((await store.policies.get('ANPA1'))?.attachmentCount, 1)
      }))
  })
}
