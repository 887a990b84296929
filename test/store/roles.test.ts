import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { StoreConflict } from '../../src/store/index.js'
import { DIALECTS, withStore } from './dialects.js'
import { ACCOUNT, addPolicy, addRole, at, OTHER_ACCOUNT, seedAccounts, T0, TRUST } from './fixtures.js'

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: roles`, () => {
    it('creates, reads, updates and records the use of a role', () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        const tags = [{ key: 'env', value: 'prod' }]
        const created = await addRole(store, 'AROA1', 'Deployer', {
          path: '/ci/',
          description: 'deploys things',
          maxSessionDuration: 7200,
          permissionsBoundaryArn: `arn:aws:iam::${ACCOUNT}:policy/Boundary`,
          tags,
        })
        assert.deepEqual(await store.roles.get('AROA1'), created)
        assert.deepEqual(await store.roles.getByName(ACCOUNT, 'deployer'), created)
        assert.equal(created.trustPolicy, TRUST)
        assert.equal(created.lastUsedAt, undefined)
        const trust = TRUST.replace('ec2', 'lambda')
        const updated = await store.roles.update('AROA1', {
          trustPolicy: trust,
          description: null,
          maxSessionDuration: 43200,
          permissionsBoundaryArn: null,
          tags: [],
        })
        assert.equal(updated?.trustPolicy, trust)
        assert.equal(updated?.description, undefined)
        assert.equal(updated?.maxSessionDuration, 43200)
        assert.equal(updated?.permissionsBoundaryArn, undefined)
        assert.deepEqual(updated?.tags, [])
        assert.equal(await store.roles.recordUse('AROA1', at(60), 'us-east-1'), true)
        const used = await store.roles.get('AROA1')
        assert.deepEqual([used?.lastUsedAt, used?.lastUsedRegion], [at(60), 'us-east-1'])
        assert.equal(await store.roles.recordUse('AROAMISSING', at(60), 'us-east-1'), false)
      }))

    it('rejects a role name that differs only in case in the same account', () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        await addRole(store, 'AROA1', 'MyRole')
        await assert.rejects(
          addRole(store, 'AROA2', 'myrole'),
          (e: unknown) => e instanceof StoreConflict && e.entity === 'role',
        )
        await store.roles.insert({
          id: 'AROA3',
          accountId: OTHER_ACCOUNT,
          name: 'MYROLE',
          path: '/',
          trustPolicy: TRUST,
          maxSessionDuration: 3600,
          tags: [],
          createdAt: T0,
        })
        assert.equal(await store.roles.count(ACCOUNT), 1)
        assert.equal(await store.roles.count(OTHER_ACCOUNT), 1)
      }))

    it('pages through many roles in name order without gaps or repeats', () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        const names = Array.from({ length: 25 }, (_, i) => `role-${String(i).padStart(2, '0')}`).reverse()
        await store.transaction(async (tx) => {
          for (const [i, name] of names.entries()) {
            await tx.roles.insert({
              id: `AROA${i}`,
              accountId: ACCOUNT,
              name,
              path: i < 5 ? '/service-role/' : '/',
              trustPolicy: TRUST,
              maxSessionDuration: 3600,
              tags: [],
              createdAt: T0,
            })
          }
        })
        const seen: string[] = []
        let after: string | undefined
        do {
          const page = await store.roles.list(ACCOUNT, { limit: 10, ...(after ? { after } : {}) })
          assert.ok(page.items.length <= 10)
          seen.push(...page.items.map((r) => r.name))
          after = page.next
        } while (after !== undefined)
        assert.deepEqual(seen, [...names].sort())
        const service = await store.roles.list(ACCOUNT, { limit: 100, pathPrefix: '/service-role/' })
        assert.deepEqual(
          service.items.map((r) => r.name),
          ['role-20', 'role-21', 'role-22', 'role-23', 'role-24'],
        )
      }))

    it('deletes a role with its inline policies, attachments and instance-profile memberships', () =>
      withStore(dialect, async (store, db) => {
        await seedAccounts(store)
        await addRole(store, 'AROA1', 'app')
        await addPolicy(store, 'ANPA1', 'AppPolicy')
        const role = { kind: 'role' as const, id: 'AROA1' }
        await store.inlinePolicies.put(role, 'AWSRevokeOlderSessions', '{}', T0)
        await store.attachments.attach(role, 'ANPA1', T0)
        await store.instanceProfiles.insert({
          id: 'AIPA1',
          accountId: ACCOUNT,
          name: 'app-profile',
          path: '/',
          roleIds: [],
          tags: [],
          createdAt: T0,
        })
        await store.instanceProfiles.addRole('AIPA1', 'AROA1', T0)
        assert.equal(await store.roles.delete('AROA1'), true)
        assert.deepEqual(await db.rows('inline_policies'), [])
        assert.deepEqual(await db.rows('policy_attachments'), [])
        assert.deepEqual((await store.instanceProfiles.get('AIPA1'))?.roleIds, [])
        assert.equal((await store.policies.get('ANPA1'))?.attachmentCount, 0)
        assert.equal(await store.policies.delete('ANPA1'), true)
      }))
  })
}
