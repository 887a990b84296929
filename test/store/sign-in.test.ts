import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { StoreConflict, StoreMissingReference } from '../../src/store/index.js'
import { DIALECTS, withStore } from './dialects.js'
import { ACCOUNT, addUser, at, seedAccounts, T0 } from './fixtures.js'

const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
const serial = (name: string) => `arn:aws:iam::${ACCOUNT}:mfa/${name}`
const device = (name: string) => ({
  serialNumber: serial(name),
  accountId: ACCOUNT,
  name,
  path: '/',
  seed: SEED,
  tags: [],
  createdAt: T0,
})

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: login profiles and MFA devices`, () => {
    it('keeps one login profile per user and deletes it with the user', () =>
      withStore(dialect, async (store, db) => {
        await seedAccounts(store)
        await addUser(store, 'AIDA1', 'ann')
        const profile = {
          userId: 'AIDA1',
          passwordHash: 'scrypt$1$abc',
          passwordResetRequired: true,
          createdAt: T0,
        }
        assert.deepEqual(await store.loginProfiles.insert(profile), profile)
        await assert.rejects(store.loginProfiles.insert(profile), StoreConflict)
        await assert.rejects(
          store.loginProfiles.insert({ ...profile, userId: 'AIDAMISSING' }),
          StoreMissingReference,
        )
        const updated = await store.loginProfiles.update('AIDA1', {
          passwordHash: 'scrypt$1$def',
          passwordResetRequired: false,
        })
        assert.deepEqual(updated, { ...profile, passwordHash: 'scrypt$1$def', passwordResetRequired: false })
        assert.equal(
          await store.loginProfiles.update('AIDAMISSING', { passwordResetRequired: true }),
          undefined,
        )
        await store.users.delete('AIDA1')
        assert.deepEqual(await db.rows('login_profiles'), [])
        await addUser(store, 'AIDA2', 'ben')
        await store.loginProfiles.insert({ ...profile, userId: 'AIDA2' })
        assert.equal(await store.loginProfiles.delete('AIDA2'), true)
        assert.equal(await store.loginProfiles.get('AIDA2'), undefined)
      }))

    it('seals MFA seeds, enables a device once, and accepts each TOTP step once', () =>
      withStore(dialect, async (store, db) => {
        await seedAccounts(store)
        await addUser(store, 'AIDA1', 'ann')
        const created = await store.mfaDevices.insert(device('ann-phone'))
        assert.equal(created.seed, SEED)
        assert.equal(created.userId, undefined)
        assert.ok(!JSON.stringify(await db.rows('mfa_devices')).includes(SEED), 'the seed appears in clear')
        await assert.rejects(
          store.mfaDevices.insert({ ...device('ANN-PHONE'), serialNumber: serial('other') }),
          StoreConflict,
        )
        assert.equal(await store.mfaDevices.enable(serial('ann-phone'), 'AIDA1', at(1), 1000), true)
        assert.equal(await store.mfaDevices.enable(serial('ann-phone'), 'AIDA1', at(2), 1001), false)
        const enabled = await store.mfaDevices.get(serial('ann-phone'))
        assert.deepEqual([enabled?.userId, enabled?.enabledAt, enabled?.lastCounter], ['AIDA1', at(1), 1000])
        assert.equal(await store.mfaDevices.acceptCounter(serial('ann-phone'), 1000), false)
        assert.equal(await store.mfaDevices.acceptCounter(serial('ann-phone'), 999), false)
        assert.equal(await store.mfaDevices.acceptCounter(serial('ann-phone'), 1001), true)
        assert.equal(await store.mfaDevices.acceptCounter(serial('ann-phone'), 1001), false)
        assert.deepEqual(
          (await store.mfaDevices.listForUser('AIDA1')).map((d) => d.name),
          ['ann-phone'],
        )
        assert.equal(await store.mfaDevices.deactivate(serial('ann-phone')), true)
        assert.equal((await store.mfaDevices.get(serial('ann-phone')))?.userId, undefined)
        assert.equal(await store.mfaDevices.setTags(serial('ann-phone'), [{ key: 'k', value: 'v' }]), true)
        assert.deepEqual((await store.mfaDevices.get(serial('ann-phone')))?.tags, [{ key: 'k', value: 'v' }])
      }))

    it('lists devices by assignment with pages, and unassigns them when their user is deleted', () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        await addUser(store, 'AIDA1', 'ann')
        for (const name of ['c-dev', 'A-dev', 'b-dev']) await store.mfaDevices.insert(device(name))
        await store.mfaDevices.enable(serial('b-dev'), 'AIDA1', T0, 1)
        const names = async (assignment?: 'assigned' | 'unassigned') => {
          const seen: string[] = []
          let after: string | undefined
          do {
            const page = await store.mfaDevices.list(ACCOUNT, {
              limit: 1,
              ...(assignment ? { assignment } : {}),
              ...(after ? { after } : {}),
            })
            seen.push(...page.items.map((d) => d.name))
            after = page.next
          } while (after !== undefined)
          return seen
        }
        assert.deepEqual(await names(), ['A-dev', 'b-dev', 'c-dev'])
        assert.deepEqual(await names('assigned'), ['b-dev'])
        assert.deepEqual(await names('unassigned'), ['A-dev', 'c-dev'])
        await store.users.delete('AIDA1')
        assert.deepEqual(await names('unassigned'), ['A-dev', 'b-dev', 'c-dev'])
        assert.equal(await store.mfaDevices.delete(serial('b-dev')), true)
        assert.equal(await store.mfaDevices.get(serial('b-dev')), undefined)
      }))
  })
}
