import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { openStore, StoreSealedSecretError, StoreUnavailable } from '../../src/store/index.js'
import { DIALECTS } from './dialects.js'
import { ACCOUNT, T0 } from './fixtures.js'

const MIGRATIONS = [
  '0001-principals',
  '0002-policies',
  '0003-credentials',
  '0004-audit-and-settings',
  '0005-sign-in',
  '0006-cloud-resources',
  '0007-s3',
  '0008-secret-versions',
]

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: migrations`, () => {
    it('runs every migration once and reopens an existing database without re-running them', async () => {
      const db = await dialect.create()
      try {
        const first = await db.open()
        await first.accounts.insert({ id: ACCOUNT, name: 'main', createdAt: T0 })
        await first.close()
        const second = await db.open()
        assert.deepEqual((await second.accounts.get(ACCOUNT))?.name, 'main')
        await second.ping()
        await second.close()
        const applied = (await db.rows('kysely_migration')).map((r) => r.name).sort()
        assert.deepEqual(applied, MIGRATIONS)
      } finally {
        await db.dispose()
      }
    })

    it('refuses to open a database with another master key', async () => {
      const db = await dialect.create()
      try {
        await (await db.open()).close()
        await assert.rejects(db.open(new Uint8Array(32).fill(1)), StoreSealedSecretError)
        const again = await db.open()
        await again.close()
      } finally {
        await db.dispose()
      }
    })

    it('rejects a master key that is not 32 bytes', async () => {
      const db = await dialect.create()
      try {
        await assert.rejects(db.open(new Uint8Array(16)), RangeError)
      } finally {
        await db.dispose()
      }
    })
  })
}

describe('postgres: connection failures', () => {
  it('reports an unreachable database as StoreUnavailable with the driver code only', async () => {
    const url = 'postgres://lanyard:secret-password@127.0.0.1:1/lanyard'
    await assert.rejects(
      openStore({ kind: 'postgres', url, masterKey: new Uint8Array(32) }),
      (error: unknown) => {
        assert.ok(error instanceof StoreUnavailable)
        assert.equal(error.driverCode, 'ECONNREFUSED')
        assert.ok(!error.message.includes('secret-password'))
        return true
      },
    )
  })
})
