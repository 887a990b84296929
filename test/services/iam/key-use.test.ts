import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { AccessKeyUseRecorder } from '../../../src/services/iam/index.js'

/** A store double that counts writes. */
function fakeStore() {
  const writes: [string, Date, string, string][] = []
  return {
    writes,
    accessKeys: {
      recordUse: async (id: string, at: Date, service: string, region: string) => {
        writes.push([id, at, service, region])
        return true
      },
    } as never,
  }
}

describe('AccessKeyUseRecorder', () => {
  it('writes a key at most once per interval, and again once the interval has passed', async () => {
    const store = fakeStore()
    const recorder = new AccessKeyUseRecorder(store, (error) => assert.fail(String(error)), 60_000)
    const t0 = new Date('2026-01-01T00:00:00Z')
    await recorder.record('AKIAAAAAAAAAAAAAAAAA', t0, 'iam', 'us-east-1')
    assert.equal(
      recorder.record('AKIAAAAAAAAAAAAAAAAA', new Date(t0.getTime() + 59_999), 'sts', 'eu-west-1'),
      undefined,
    )
    await recorder.record('AKIABBBBBBBBBBBBBBBB', new Date(t0.getTime() + 1), 'sts', 'eu-west-1')
    await recorder.record('AKIAAAAAAAAAAAAAAAAA', new Date(t0.getTime() + 60_000), 'sts', 'eu-west-1')
    assert.deepEqual(
      store.writes.map(([id, at, service]) => [id.slice(0, 5), at.getTime() - t0.getTime(), service]),
      [
        ['AKIAA', 0, 'iam'],
        ['AKIAB', 1, 'sts'],
        ['AKIAA', 60_000, 'sts'],
      ],
    )
  })

  it('ignores temporary (ASIA) keys and reports failed writes', async () => {
    const errors: unknown[] = []
    const recorder = new AccessKeyUseRecorder(
      {
        accessKeys: {
          recordUse: async () => {
            throw new Error('down')
          },
        } as never,
      },
      (error) => errors.push(error),
    )
    assert.equal(recorder.record('ASIAAAAAAAAAAAAAAAAA', new Date(), 'iam', 'us-east-1'), undefined)
    await recorder.record('AKIAAAAAAAAAAAAAAAAA', new Date(), 'iam', 'us-east-1')
    assert.equal(errors.length, 1)
  })
})
