import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { StoreConflict } from '../../src/store/index.js'
import { DIALECTS, withStore } from './dialects.js'
import { ACCOUNT, at, seedAccounts } from './fixtures.js'

const ARN = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db-AbCdEf`

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: secret versions`, () => {
    it('seals values at rest, reads them back, and goes with its secret', () =>
      withStore(dialect, async (store, db) => {
        await seedAccounts(store)
        await store.cloudResources.insert({
          arn: ARN,
          accountId: ACCOUNT,
          region: 'us-east-1',
          service: 'secretsmanager',
          type: 'secret',
          id: 'db',
          attributes: {},
          tags: [],
          at: at(0),
        })
        await store.secretVersions.put({
          arn: ARN,
          versionId: 'v1',
          value: { string: 'hunter2-plain' },
          createdAt: at(1),
        })
        const bytes = new Uint8Array([0, 1, 2, 250])
        await store.secretVersions.put({
          arn: ARN,
          versionId: 'v2',
          value: { binary: bytes },
          createdAt: at(2),
        })
        await assert.rejects(
          store.secretVersions.put({ arn: ARN, versionId: 'v1', value: { string: 'x' }, createdAt: at(3) }),
          StoreConflict,
        )
        assert.deepEqual(await store.secretVersions.get(ARN, 'v1'), {
          arn: ARN,
          versionId: 'v1',
          value: { string: 'hunter2-plain' },
          createdAt: at(1),
        })
        assert.deepEqual((await store.secretVersions.get(ARN, 'v2'))?.value, { binary: bytes })
        assert.equal(await store.secretVersions.get(ARN, 'v3'), undefined)
        const raw = JSON.stringify(await db.rows('secret_versions'))
        assert.ok(!raw.includes('hunter2'), raw)
        assert.match(raw, /lanyard-sealed-v1/)
        assert.equal(await store.secretVersions.delete(ARN, ['v2', 'v9']), 1)
        await store.cloudResources.delete(ARN)
        assert.deepEqual(await db.rows('secret_versions'), [])
      }))
  })
}
