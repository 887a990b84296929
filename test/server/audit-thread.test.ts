import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import Database from 'better-sqlite3'
import { ThreadedAuditWriter } from '../../src/server/audit/audit-thread.js'
import { type AuditEventRecord, openStore, type StoreConfig } from '../../src/store/index.js'

const event = (n: number): AuditEventRecord => ({
  eventId: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  eventTime: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
  accountId: '111122223333',
  eventSource: 'sts.amazonaws.com',
  eventName: 'GetCallerIdentity',
  readOnly: true,
  requestId: `request-${n}`,
  event: { eventVersion: '1.08', n },
})

async function sqliteStore() {
  const dir = mkdtempSync(join(tmpdir(), 'lanyard-audit-thread-'))
  const config: StoreConfig = {
    kind: 'sqlite',
    file: join(dir, 'lanyard.db'),
    masterKey: new Uint8Array(32).fill(7),
  }
  return { config, store: await openStore(config) }
}

const storedIds = async (store: Awaited<ReturnType<typeof openStore>>) =>
  (await store.audit.query({ limit: 1000, order: 'oldest' })).items.map((e) => e.eventId)

describe('audit writer thread', () => {
  it('stores every event through its own connection; each flush resolves once its events are readable', async () => {
    const { config, store } = await sqliteStore()
    const errors: unknown[] = []
    const writer = new ThreadedAuditWriter(store, config, (error) => errors.push(error), 10)
    try {
      for (let n = 0; n < 600; n++) writer.record(event(n))
      // Several callers at once (the timer flushes every 10 ms meanwhile): each is answered.
      await Promise.all([writer.flush(), writer.flush(), writer.flush()])
      assert.equal((await storedIds(store)).length, 600)
      writer.record(event(600))
      await writer.flush()
      assert.deepEqual((await storedIds(store)).at(-1), event(600).eventId)
      assert.deepEqual(errors, [])
    } finally {
      await writer.close()
      await store.close()
    }
  })

  it('writes from the server thread when the writer thread cannot start, losing nothing', async () => {
    const { store } = await sqliteStore()
    const errors: unknown[] = []
    const unusable: StoreConfig = {
      kind: 'sqlite',
      file: '/nonexistent/dir/lanyard.db',
      masterKey: new Uint8Array(32),
    }
    const writer = new ThreadedAuditWriter(store, unusable, (error) => errors.push(error), 10)
    try {
      writer.record(event(1))
      await writer.flush()
      writer.record(event(2))
      await writer.close()
      assert.deepEqual(await storedIds(store), [event(1).eventId, event(2).eventId])
      assert.ok(errors.length > 0, 'the thread failure is reported')
    } finally {
      await store.close()
    }
  })
})

describe('audit writer thread, when its writes fail', () => {
  it('reports each failure, keeps the events, and writes them from the server thread at close', async () => {
    const { store } = await sqliteStore()
    // A database without the audit table: the thread opens it, and every insert fails.
    const { config: empty, store: other } = await sqliteStore()
    await other.close()
    const raw = new Database(empty.kind === 'sqlite' ? empty.file : '')
    raw.exec('drop table audit_events')
    raw.close()
    const errors: unknown[] = []
    const writer = new ThreadedAuditWriter(store, empty, (error) => errors.push(error), 60_000)
    try {
      for (let n = 0; n < 100; n++) writer.record(event(n))
      await writer.flush()
      assert.match(String(errors[0]), /SQLITE_ERROR/)
      assert.deepEqual(await storedIds(store), [])
      await writer.flush()
      assert.equal(errors.length, 2, 'the next flush writes again')
      await writer.close()
      assert.equal((await storedIds(store)).length, 100)
    } finally {
      await store.close()
    }
  })
})
