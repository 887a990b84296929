import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { StoreConflict, StoreInUse, StoreMissingReference } from '../../src/store/index.js'
import { DIALECTS, withStore } from './dialects.js'
import {
  ACCOUNT,
  addGroup,
  addPolicy,
  addRole,
  addUser,
  at,
  OTHER_ACCOUNT,
  seedAccounts,
  T0,
} from './fixtures.js'

const ADMIN_DOC = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: managed policies, versions, inline policies and attachments`, () => {
    it('creates a policy with v1 as its default and adds versions with never-reused ids', () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        const created = await addPolicy(store, 'ANPA1', 'Read', '/app/')
        assert.equal(created.defaultVersionId, 'v1')
        assert.equal(created.arn, `arn:aws:iam::${ACCOUNT}:policy/app/Read`)
        assert.deepEqual([created.attachmentCount, created.permissionsBoundaryUsageCount], [0, 0])
        assert.deepEqual(await store.policies.getByArn(created.arn), created)
        const v1 = await store.policies.getVersion('ANPA1', 'v1')
        assert.equal(v1?.isDefault, true)
        const v2 = await store.policies.addVersion('ANPA1', {
          document: ADMIN_DOC,
          setAsDefault: false,
          createdAt: at(1),
        })
        assert.deepEqual([v2?.versionId, v2?.isDefault, v2?.document], ['v2', false, ADMIN_DOC])
        const v3 = await store.policies.addVersion('ANPA1', {
          document: '{}',
          setAsDefault: true,
          createdAt: at(2),
        })
        assert.deepEqual([v3?.versionId, v3?.isDefault], ['v3', true])
        const after = await store.policies.get('ANPA1')
        assert.deepEqual([after?.defaultVersionId, after?.updatedAt], ['v3', at(2)])
        assert.equal(await store.policies.deleteVersion('ANPA1', 'v3'), true)
        const v4 = await store.policies.addVersion('ANPA1', {
          document: '{}',
          setAsDefault: false,
          createdAt: at(3),
        })
        assert.equal(v4?.versionId, 'v4')
        assert.equal(await store.policies.setDefaultVersion('ANPA1', 'v2', at(4)), true)
        assert.equal(await store.policies.setDefaultVersion('ANPA1', 'v9', at(5)), false)
        assert.deepEqual(
          (await store.policies.listVersions('ANPA1')).map((v) => [v.versionId, v.isDefault]),
          [
            ['v4', false],
            ['v2', true],
            ['v1', false],
          ],
        )
        assert.equal(
          await store.policies.addVersion('ANPAMISSING', {
            document: '{}',
            setAsDefault: true,
            createdAt: T0,
          }),
          undefined,
        )
      }))

    it('rejects a policy name that differs only in case within one account, and allows it in aws', () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        await addPolicy(store, 'ANPA1', 'ReadOnly')
        await assert.rejects(addPolicy(store, 'ANPA2', 'readonly', '/other/'), StoreConflict)
        await store.policies.insert({
          id: 'ANPAAWS1',
          accountId: 'aws',
          arn: 'arn:aws:iam::aws:policy/ReadOnly',
          name: 'ReadOnly',
          path: '/',
          document: ADMIN_DOC,
          tags: [],
          createdAt: T0,
        })
        assert.equal(await store.policies.count(ACCOUNT), 1)
        assert.equal(await store.policies.count('aws'), 1)
      }))

    it('counts attachments and boundary uses, filters lists by them, and refuses to delete an attached policy', () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        const read = await addPolicy(store, 'ANPA1', 'Read')
        const boundary = await addPolicy(store, 'ANPA2', 'Boundary')
        await addPolicy(store, 'ANPA3', 'Unused', '/x/')
        await addUser(store, 'AIDA1', 'ann', { permissionsBoundaryArn: boundary.arn })
        await addRole(store, 'AROA1', 'app', { permissionsBoundaryArn: boundary.arn })
        await addGroup(store, 'AGPA1', 'devs')
        assert.equal(await store.attachments.attach({ kind: 'user', id: 'AIDA1' }, read.id, T0), true)
        assert.equal(await store.attachments.attach({ kind: 'user', id: 'AIDA1' }, read.id, T0), false)
        await store.attachments.attach({ kind: 'group', id: 'AGPA1' }, read.id, T0)
        await store.attachments.attach({ kind: 'role', id: 'AROA1' }, read.id, T0)
        await assert.rejects(
          store.attachments.attach({ kind: 'role', id: 'AROA1' }, 'ANPAMISSING', T0),
          StoreMissingReference,
        )
        const counted = await store.policies.get(read.id)
        assert.equal(counted?.attachmentCount, 3)
        assert.equal((await store.policies.get(boundary.id))?.permissionsBoundaryUsageCount, 2)
        const names = async (usedAs?: 'any' | 'permissions' | 'boundary', pathPrefix?: string) =>
          (
            await store.policies.list({
              accountIds: [ACCOUNT],
              limit: 10,
              ...(usedAs ? { usedAs } : {}),
              ...(pathPrefix ? { pathPrefix } : {}),
            })
          ).items.map((p) => p.name)
        assert.deepEqual(await names(), ['Boundary', 'Read', 'Unused'])
        assert.deepEqual(await names('permissions'), ['Read'])
        assert.deepEqual(await names('boundary'), ['Boundary'])
        assert.deepEqual(await names('any'), ['Boundary', 'Read'])
        assert.deepEqual(await names(undefined, '/x/'), ['Unused'])
        assert.deepEqual(
          (await store.attachments.listForPolicy(read.id)).map((a) => [a.principal.kind, a.principalName]),
          [
            ['group', 'devs'],
            ['role', 'app'],
            ['user', 'ann'],
          ],
        )
        assert.deepEqual(
          (await store.attachments.listForPrincipal({ kind: 'user', id: 'AIDA1' })).map((a) => [
            a.policyName,
            a.policyArn,
          ]),
          [['Read', read.arn]],
        )
        await assert.rejects(
          store.policies.delete(read.id),
          (e: unknown) => e instanceof StoreInUse && e.entity === 'policy',
        )
        for (const principal of [
          { kind: 'user', id: 'AIDA1' },
          { kind: 'group', id: 'AGPA1' },
          { kind: 'role', id: 'AROA1' },
        ] as const) {
          assert.equal(await store.attachments.detach(principal, read.id), true)
        }
        assert.equal(await store.attachments.detach({ kind: 'user', id: 'AIDA1' }, read.id), false)
        assert.equal(await store.policies.delete(read.id), true)
        assert.equal(await store.policies.getVersion(read.id, 'v1'), undefined)
      }))

    it("counts an AWS managed policy's attachments and boundary uses per viewing account", () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        const shared = await store.policies.insert({
          id: 'ANPASHARED',
          accountId: 'aws',
          arn: 'arn:aws:iam::aws:policy/Shared',
          name: 'Shared',
          path: '/',
          document: ADMIN_DOC,
          tags: [],
          createdAt: T0,
        })
        await addUser(store, 'AIDA1', 'ann', { permissionsBoundaryArn: shared.arn })
        await addGroup(store, 'AGPA1', 'devs')
        await addRole(store, 'AROA2', 'other-app', { accountId: OTHER_ACCOUNT })
        await store.attachments.attach({ kind: 'group', id: 'AGPA1' }, shared.id, T0)
        await store.attachments.attach({ kind: 'role', id: 'AROA2' }, shared.id, T0)
        const counts = async (viewer?: string) => {
          const view = await store.policies.getByArn(shared.arn, viewer)
          return [view?.attachmentCount, view?.permissionsBoundaryUsageCount]
        }
        assert.deepEqual(await counts(), [2, 1])
        assert.deepEqual(await counts(ACCOUNT), [1, 1])
        assert.deepEqual(await counts(OTHER_ACCOUNT), [1, 0])
        const used = async (viewerAccountId: string, usedAs: 'permissions' | 'boundary') =>
          (await store.policies.list({ accountIds: ['aws'], limit: 10, usedAs, viewerAccountId })).items.map(
            (p) => [p.name, p.attachmentCount],
          )
        assert.deepEqual(await used(OTHER_ACCOUNT, 'permissions'), [['Shared', 1]])
        assert.deepEqual(await used(OTHER_ACCOUNT, 'boundary'), [])
        await store.attachments.detach({ kind: 'role', id: 'AROA2' }, shared.id)
        assert.deepEqual(await used(OTHER_ACCOUNT, 'permissions'), [])
        assert.deepEqual(await used(ACCOUNT, 'permissions'), [['Shared', 1]])
      }))

    it('lists AWS and local policies together in one keyset order', () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        for (const [i, name] of ['Zeta', 'Alpha', 'Mid'].entries()) {
          await store.policies.insert({
            id: `ANPAAWS${i}`,
            accountId: 'aws',
            arn: `arn:aws:iam::aws:policy/${name}`,
            name,
            path: '/',
            document: ADMIN_DOC,
            tags: [{ key: 'k', value: name }],
            createdAt: T0,
          })
        }
        await addPolicy(store, 'ANPALOCAL', 'Mid')
        const seen: string[] = []
        let after: string | undefined
        do {
          const page = await store.policies.list({
            accountIds: ['aws', ACCOUNT],
            limit: 1,
            ...(after ? { after } : {}),
          })
          seen.push(...page.items.map((p) => p.arn))
          after = page.next
        } while (after !== undefined)
        assert.deepEqual(seen, [
          'arn:aws:iam::aws:policy/Alpha',
          // Equal names are ordered by unique id: ANPAAWS2 before ANPALOCAL.
          'arn:aws:iam::aws:policy/Mid',
          `arn:aws:iam::${ACCOUNT}:policy/Mid`,
          'arn:aws:iam::aws:policy/Zeta',
        ])
        assert.equal(await store.policies.setTags('ANPAAWS0', []), true)
        assert.deepEqual((await store.policies.get('ANPAAWS0'))?.tags, [])
        assert.deepEqual((await store.policies.list({ accountIds: [], limit: 10 })).items, [])
      }))

    it("loads a user's and its groups' inline, attached and default-version documents in bulk", () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        await addUser(store, 'AIDA1', 'ann')
        await addGroup(store, 'AGPA1', 'devs')
        await addGroup(store, 'AGPA2', 'ops')
        const user = { kind: 'user' as const, id: 'AIDA1' }
        const devs = { kind: 'group' as const, id: 'AGPA1' }
        const ops = { kind: 'group' as const, id: 'AGPA2' }
        const read = await addPolicy(store, 'ANPA1', 'Read')
        const write = await addPolicy(store, 'ANPA2', 'Write')
        await store.policies.addVersion(write.id, {
          document: ADMIN_DOC,
          setAsDefault: true,
          createdAt: at(1),
        })
        await store.attachments.attach(user, read.id, T0)
        await store.attachments.attach(devs, write.id, T0)
        await store.attachments.attach(devs, read.id, T0)
        await store.inlinePolicies.put(user, 'mine', '{"u":1}', T0)
        await store.inlinePolicies.put(devs, 'team', '{"g":1}', T0)
        await store.inlinePolicies.put(ops, 'other', '{}', T0)
        const owners = [user, devs]
        assert.deepEqual(
          (await store.inlinePolicies.listForOwners(owners)).map((p) => [p.owner.id, p.name, p.document]),
          [
            ['AGPA1', 'team', '{"g":1}'],
            ['AIDA1', 'mine', '{"u":1}'],
          ],
        )
        const attached = await store.attachments.listForPrincipals(owners)
        assert.deepEqual(
          attached.map((a) => [a.principal.id, a.policyName]),
          [
            ['AGPA1', 'Read'],
            ['AGPA1', 'Write'],
            ['AIDA1', 'Read'],
          ],
        )
        const docs = await store.policies.getDefaultVersions([
          ...attached.map((a) => a.policyArn),
          'arn:aws:iam::aws:policy/None',
        ])
        assert.deepEqual(
          docs.map((d) => [d.arn, d.versionId, d.isDefault, d.document]),
          [
            [read.arn, 'v1', true, (await store.policies.getVersion(read.id, 'v1'))?.document],
            [write.arn, 'v2', true, ADMIN_DOC],
          ],
        )
        assert.deepEqual(await store.policies.getDefaultVersions([]), [])
        assert.deepEqual(await store.inlinePolicies.listForOwners([]), [])
        assert.deepEqual(await store.attachments.listForPrincipals([]), [])
      }))

    it('puts, replaces, lists and deletes inline policies per owner', () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        const role = { kind: 'role' as const, id: 'AROA1' }
        const group = { kind: 'group' as const, id: 'AGPA1' }
        const first = await store.inlinePolicies.put(role, 'S3', '{"a":1}', T0)
        assert.deepEqual([first.document, first.createdAt, first.updatedAt], ['{"a":1}', T0, T0])
        const replaced = await store.inlinePolicies.put(role, 'S3', '{"a":2}', at(9))
        assert.deepEqual([replaced.document, replaced.createdAt, replaced.updatedAt], ['{"a":2}', T0, at(9)])
        await store.inlinePolicies.put(role, 'Ec2', '{}', T0)
        await store.inlinePolicies.put(group, 'S3', '{}', T0)
        assert.deepEqual(
          (await store.inlinePolicies.list(role)).map((p) => p.name),
          ['Ec2', 'S3'],
        )
        assert.deepEqual((await store.inlinePolicies.get(group, 'S3'))?.owner, group)
        assert.equal(await store.inlinePolicies.get(role, 's3'), undefined)
        assert.equal(await store.inlinePolicies.delete(role, 'S3'), true)
        assert.equal(await store.inlinePolicies.delete(role, 'S3'), false)
        assert.equal((await store.inlinePolicies.list(group)).length, 1)
      }))
  })
}
