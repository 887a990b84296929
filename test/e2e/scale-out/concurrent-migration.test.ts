import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, describe, it } from 'node:test'
import { openStore, type Store } from '../../../src/store/index.js'
import { dropSchema, POSTGRES_URL, SKIP_REASON } from './cluster.js'

if (POSTGRES_URL === undefined) console.log(`# skipped: ${SKIP_REASON}`)

describe('store: migrations when several processes open PostgreSQL at the same moment', {
  skip: POSTGRES_URL === undefined ? SKIP_REASON : false,
}, () => {
  const schemas = new Set<string>()
  const masterKey = randomBytes(32)
  const open = (schema: string) => {
    schemas.add(schema)
    return openStore({ kind: 'postgres', url: POSTGRES_URL!, schema, masterKey, maxConnections: 2 })
  }
  const openAll = async (names: readonly string[]): Promise<Store[]> => {
    const settled = await Promise.allSettled(names.map(open))
    const stores = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
    await Promise.all(stores.map((store) => store.close()))
    for (const result of settled) if (result.status === 'rejected') throw result.reason
    return stores
  }
  after(async () => {
    for (const schema of schemas) await dropSchema(POSTGRES_URL!, schema)
  })

  it('five opens of one new schema at once all succeed (create schema if not exists races)', async () => {
    const schema = `lanyard_race_${randomBytes(5).toString('hex')}`
    for (let round = 0; round < 3; round++) {
      const name = `${schema}_${round}`
      assert.equal((await openAll([name, name, name, name, name])).length, 5)
    }
  })

  it('opens of six different new schemas at once all migrate fully', async () => {
    const names = Array.from({ length: 6 }, () => `lanyard_race_${randomBytes(5).toString('hex')}`)
    assert.equal((await openAll(names)).length, 6)
    // Every schema got every table, with the columns the repositories write.
    for (const schema of names) {
      const store = await open(schema)
      try {
        assert.equal((await store.policies.getByArn('arn:aws:iam::aws:policy/none')) ?? null, null)
      } finally {
        await store.close()
      }
    }
  })
})
