import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { StoreConflict, StoreMissingReference, StoreSealedSecretError } from '../../src/store/index.js'
import { DIALECTS, withStore } from './dialects.js'
import { ACCOUNT, addRole, addUser, at, seedAccounts, T0 } from './fixtures.js'

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: access keys, settings, instance profiles and OIDC providers`, () => {
    it('stores access keys with the secret sealed at rest and returns it unsealed', () =>
      withStore(dialect, async (store, db) => {
        await seedAccounts(store)
        await addUser(store, 'AIDA1', 'ann')
        const key = {
          id: 'AKIA1',
          accountId: ACCOUNT,
          userId: 'AIDA1',
          status: 'Active' as const,
          createdAt: T0,
        }
        const created = await store.accessKeys.insert({ ...key, secretAccessKey: SECRET })
        assert.equal(created.secretAccessKey, SECRET)
        assert.deepEqual(await store.accessKeys.get('AKIA1'), created)
        const rows = await db.rows('access_keys')
        assert.equal(rows.length, 1)
        assert.ok(!JSON.stringify(rows).includes(SECRET), 'the secret appears in clear in the row')
        assert.ok(!JSON.stringify(rows).includes(Buffer.from(SECRET).toString('base64')))
        await store.accessKeys.insert({
          ...key,
          id: 'AKIA2',
          secretAccessKey: `${SECRET}2`,
          createdAt: at(1),
        })
        await store.accessKeys.insert({
          ...key,
          id: 'AKIAROOT',
          userId: undefined,
          secretAccessKey: 'root',
          createdAt: at(2),
        })
        assert.deepEqual(
          (await store.accessKeys.listForUser('AIDA1')).map((k) => k.id),
          ['AKIA1', 'AKIA2'],
        )
        assert.deepEqual(
          (await store.accessKeys.listForRoot(ACCOUNT)).map((k) => [k.id, k.userId]),
          [['AKIAROOT', undefined]],
        )
        assert.equal(await store.accessKeys.setStatus('AKIA1', 'Inactive'), true)
        assert.equal(await store.accessKeys.recordUse('AKIA1', at(30), 'iam', 'us-east-1'), true)
        const used = await store.accessKeys.get('AKIA1')
        assert.deepEqual(
          [used?.status, used?.lastUsedAt, used?.lastUsedService, used?.lastUsedRegion],
          ['Inactive', at(30), 'iam', 'us-east-1'],
        )
        await assert.rejects(store.accessKeys.insert({ ...key, secretAccessKey: 'x' }), StoreConflict)
        await assert.rejects(
          store.accessKeys.insert({ ...key, id: 'AKIA9', userId: 'AIDAMISSING', secretAccessKey: 'x' }),
          StoreMissingReference,
        )
        assert.equal(await store.accessKeys.delete('AKIA2'), true)
        assert.equal(await store.accessKeys.get('AKIA2'), undefined)
      }))

    it('keeps plain and sealed settings per scope', () =>
      withStore(dialect, async (store, db) => {
        await store.settings.put('global', 'issuer', 'http://127.0.0.1:4566', T0)
        await store.settings.put('global', 'issuer', 'http://localhost:4566', at(1))
        assert.equal(await store.settings.get('global', 'issuer'), 'http://localhost:4566')
        await store.settings.putSecret('global', 'sealing-key/2026-01', 'super-secret-key-material', T0)
        await store.settings.putSecret(ACCOUNT, 'sealing-key/2026-01', 'other', T0)
        assert.equal(
          await store.settings.getSecret('global', 'sealing-key/2026-01'),
          'super-secret-key-material',
        )
        assert.ok(!JSON.stringify(await db.rows('settings')).includes('super-secret-key-material'))
        // A sealed value is bound to its scope and key: copying it elsewhere does not open.
        const sealed = (await store.settings.get(ACCOUNT, 'sealing-key/2026-01'))!
        await store.settings.put('global', 'copied', sealed, T0)
        await assert.rejects(store.settings.getSecret('global', 'copied'), StoreSealedSecretError)
        assert.deepEqual(await store.settings.listKeys('global', 'sealing-key/'), ['sealing-key/2026-01'])
        assert.equal(await store.settings.putIfAbsent('global', 'leader', 'a', T0), true)
        assert.equal(await store.settings.putIfAbsent('global', 'leader', 'b', T0), false)
        assert.equal(await store.settings.get('global', 'leader'), 'a')
        assert.equal(await store.settings.delete('global', 'leader'), true)
        assert.equal(await store.settings.get('global', 'leader'), undefined)
        assert.equal(await store.settings.getSecret('global', 'missing'), undefined)
      }))

    it('keeps instance profiles with their roles', () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        await addRole(store, 'AROA1', 'web')
        const base = { accountId: ACCOUNT, path: '/', roleIds: [], tags: [], createdAt: T0 }
        await store.instanceProfiles.insert({
          ...base,
          id: 'AIPA1',
          name: 'WebProfile',
          tags: [{ key: 'a', value: 'b' }],
        })
        await store.instanceProfiles.insert({ ...base, id: 'AIPA2', name: 'batch', path: '/jobs/' })
        await assert.rejects(
          store.instanceProfiles.insert({ ...base, id: 'AIPA3', name: 'webprofile' }),
          StoreConflict,
        )
        assert.equal(await store.instanceProfiles.addRole('AIPA1', 'AROA1', T0), true)
        assert.equal(await store.instanceProfiles.addRole('AIPA1', 'AROA1', T0), false)
        await assert.rejects(
          store.instanceProfiles.addRole('AIPA1', 'AROAMISSING', T0),
          StoreMissingReference,
        )
        const profile = await store.instanceProfiles.getByName(ACCOUNT, 'WEBPROFILE')
        assert.deepEqual(
          [profile?.id, profile?.roleIds, profile?.tags],
          ['AIPA1', ['AROA1'], [{ key: 'a', value: 'b' }]],
        )
        assert.deepEqual(
          (await store.instanceProfiles.listForRole('AROA1')).map((p) => p.name),
          ['WebProfile'],
        )
        const page = await store.instanceProfiles.list(ACCOUNT, { limit: 1 })
        assert.deepEqual(
          page.items.map((p) => p.name),
          ['batch'],
        )
        const rest = await store.instanceProfiles.list(ACCOUNT, { limit: 1, after: page.next! })
        assert.deepEqual(
          rest.items.map((p) => [p.name, p.roleIds]),
          [['WebProfile', ['AROA1']]],
        )
        assert.equal(rest.next, undefined)
        assert.deepEqual(
          (await store.instanceProfiles.list(ACCOUNT, { limit: 5, pathPrefix: '/jobs/' })).items.map(
            (p) => p.id,
          ),
          ['AIPA2'],
        )
        assert.equal(await store.instanceProfiles.setTags('AIPA1', []), true)
        assert.equal(await store.instanceProfiles.removeRole('AIPA1', 'AROA1'), true)
        assert.equal(await store.instanceProfiles.removeRole('AIPA1', 'AROA1'), false)
        await store.instanceProfiles.addRole('AIPA1', 'AROA1', T0)
        assert.equal(await store.instanceProfiles.delete('AIPA1'), true)
        assert.deepEqual(await store.instanceProfiles.listForRole('AROA1'), [])
        assert.ok(await store.roles.get('AROA1'))
      }))

    it('keeps OIDC providers keyed by ARN with case-sensitive URLs', () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        const url = 'oidc.example.com/cluster/abc'
        const provider = {
          arn: `arn:aws:iam::${ACCOUNT}:oidc-provider/${url}`,
          accountId: ACCOUNT,
          url,
          clientIds: ['sts.amazonaws.com', 'openshift'],
          thumbprints: ['9e99a48a9960b14926bb7f3b02e22da2b0ab7280'],
          tags: [{ key: 'cluster', value: 'abc' }],
          createdAt: T0,
        }
        assert.deepEqual(await store.oidcProviders.insert(provider), provider)
        assert.deepEqual(await store.oidcProviders.get(provider.arn), provider)
        assert.deepEqual(await store.oidcProviders.getByUrl(ACCOUNT, url), provider)
        await assert.rejects(store.oidcProviders.insert(provider), StoreConflict)
        const upper = {
          ...provider,
          url: url.toUpperCase(),
          arn: `arn:aws:iam::${ACCOUNT}:oidc-provider/${url.toUpperCase()}`,
        }
        await store.oidcProviders.insert(upper)
        const updated = await store.oidcProviders.update(provider.arn, {
          clientIds: ['sts.amazonaws.com'],
          thumbprints: [],
        })
        assert.deepEqual(
          [updated?.clientIds, updated?.thumbprints, updated?.tags],
          [['sts.amazonaws.com'], [], provider.tags],
        )
        assert.deepEqual(
          (await store.oidcProviders.list(ACCOUNT)).map((p) => p.url),
          [upper.url, url],
        )
        assert.equal(await store.oidcProviders.delete(provider.arn), true)
        assert.equal(await store.oidcProviders.update(provider.arn, { tags: [] }), undefined)
      }))
  })
}
