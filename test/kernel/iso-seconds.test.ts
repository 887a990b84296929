import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { isoSeconds } from '../../src/kernel/iso-seconds.js'

test('isoSeconds is toISOString to the second, for any instant and in any order of calls', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: -62_000_000_000_000, max: 253_402_300_799_999 }), { minLength: 1 }),
      (instants) => {
        for (const ms of instants) {
          const expected = `${new Date(ms).toISOString().slice(0, 19)}Z`
          assert.equal(isoSeconds(ms), expected)
          assert.equal(isoSeconds(new Date(ms)), expected)
        }
      },
    ),
  )
})

test('isoSeconds of the same second twice, then the next millisecond-second boundary', () => {
  assert.equal(isoSeconds(Date.UTC(2026, 11, 7, 7, 0, 0, 999)), '2026-12-07T07:00:00Z')
  assert.equal(isoSeconds(Date.UTC(2026, 11, 7, 7, 0, 0, 0)), '2026-12-07T07:00:00Z')
  assert.equal(isoSeconds(Date.UTC(2026, 11, 7, 7, 0, 1, 0)), '2026-12-07T07:00:01Z')
  assert.equal(isoSeconds(-1), '1969-12-31T23:59:59Z')
})

test('isoSeconds throws on an invalid date, as toISOString does', () => {
  assert.throws(() => isoSeconds(new Date(Number.NaN)), RangeError)
})
