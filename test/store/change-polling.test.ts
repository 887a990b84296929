import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type pg from 'pg'
import { postgresChangeTransport } from '../../src/store/postgres/change-transport.js'
import { postgresPool } from '../../src/store/postgres/dialect.js'
import {
  type CuttableTcpProxy,
  cuttableTcpProxy,
  POSTGRES_URL,
  SKIP_REASON,
  within,
} from '../e2e/scale-out/cluster.js'

if (POSTGRES_URL === undefined) console.log(`# skipped: ${SKIP_REASON}`)

const EVERYTHING = JSON.stringify({ topic: '*' })

describe('store: the fallback behind LISTEN/NOTIFY (PostgreSQL)', {
  skip: POSTGRES_URL === undefined ? SKIP_REASON : false,
}, () => {
  let tcp: CuttableTcpProxy
  let pool: pg.Pool
  let through: string
  before(async () => {
    const target = new URL(POSTGRES_URL!)
    tcp = await cuttableTcpProxy(target.hostname, Number(target.port || 5432))
    const url = new URL(POSTGRES_URL!)
    url.hostname = '127.0.0.1'
    url.port = String(tcp.port)
    through = url.toString()
    pool = postgresPool(POSTGRES_URL!, 'public', 2)
  })
  after(async () => {
    await pool.end()
    await tcp.close()
  })

  it('a listening connection that dies silently is found by the heartbeat: `*` at once, caches bypassed while deaf, notices again after', async () => {
    const transport = postgresChangeTransport(pool, through, 'lanyard_polling_a', {
      heartbeatMs: 200,
      refreshMs: 3_600_000,
    })
    const heard: string[] = []
    const stop = await transport.listen((payload) => heard.push(payload))
    try {
      await transport.send('{"topic":"iam"}')
      await within(1000, async () => assert.deepEqual(heard, ['{"topic":"iam"}']))
      const caught: string[] = []
      transport.catchUp!((payload) => caught.push(payload))
      assert.deepEqual(caught, [], 'nothing to catch up on while listening')
      tcp.stall()
      await within(1000, async () => assert.ok(heard.includes(EVERYTHING)))
      // Deaf until the reconnect lands: every catch-up says everything may be stale.
      await within(3000, async () => {
        heard.length = 0
        await transport.send('{"topic":"after"}')
        await new Promise((resolve) => setTimeout(resolve, 50))
        assert.ok(heard.includes('{"topic":"after"}'))
      })
      const later: string[] = []
      transport.catchUp!((payload) => later.push(payload))
      assert.deepEqual(later, [])
    } finally {
      await stop()
    }
  })

  it('while the listening connection is down, every catch-up announces `*`', async () => {
    const transport = postgresChangeTransport(pool, through, 'lanyard_polling_b', {
      heartbeatMs: 200,
      refreshMs: 3_600_000,
    })
    const stop = await transport.listen(() => {})
    try {
      await tcp.cut()
      await within(1000, async () => {
        const caught: string[] = []
        transport.catchUp!((payload) => caught.push(payload))
        assert.deepEqual(caught, [EVERYTHING])
      })
      const again: string[] = []
      transport.catchUp!((payload) => again.push(payload))
      assert.deepEqual(again, [EVERYTHING])
      await tcp.restore()
      await within(3000, async () => {
        const caught: string[] = []
        transport.catchUp!((payload) => caught.push(payload))
        assert.deepEqual(caught, [])
      })
    } finally {
      await stop()
    }
  })

  it('`*` is announced every refresh period even with no failure', async () => {
    const transport = postgresChangeTransport(pool, POSTGRES_URL!, 'lanyard_polling_c', {
      heartbeatMs: 60_000,
      refreshMs: 150,
    })
    const heard: string[] = []
    const stop = await transport.listen((payload) => heard.push(payload))
    try {
      await new Promise((resolve) => setTimeout(resolve, 500))
      assert.ok(heard.filter((payload) => payload === EVERYTHING).length >= 2, JSON.stringify(heard))
    } finally {
      await stop()
    }
  })
})
