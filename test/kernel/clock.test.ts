import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fixedClock, offsetClock, ReferenceClock } from '../../src/kernel/clock.js'

const T0 = new Date('2026-12-01T00:00:00.000Z')

describe('kernel/clock', () => {
  it('offsetClock shifts every reading', () => {
    const base = fixedClock(T0)
    const clock = offsetClock(base, -90_000)
    assert.equal(clock.now().toISOString(), '2026-11-30T23:58:30.000Z')
    base.advance(1000)
    assert.equal(clock.now().toISOString(), '2026-11-30T23:58:31.000Z')
  })

  it('ReferenceClock follows the reference from the midpoint of the shortest round trip', async () => {
    const local = fixedClock(T0)
    // The reference is 90 s ahead; each query takes 40, 10 and 20 ms, the reference answering halfway.
    const trips = [40, 10, 20]
    const clock = new ReferenceClock(local, async () => {
      const trip = trips.shift()!
      local.advance(trip / 2)
      const answer = new Date(local.now().getTime() + 90_000)
      local.advance(trip / 2)
      return answer
    })
    assert.equal(clock.now().getTime(), local.now().getTime())
    assert.equal(await clock.sync(), 90_000)
    assert.equal(clock.now().getTime() - local.now().getTime(), 90_000)
  })

  it('ReferenceClock keeps the last offset when the reference fails', async () => {
    const local = fixedClock(T0)
    let fail = false
    const clock = new ReferenceClock(local, async () => {
      if (fail) throw new Error('database unreachable')
      return new Date(local.now().getTime() - 5000)
    })
    await clock.sync()
    fail = true
    await assert.rejects(clock.sync(), /database unreachable/)
    assert.equal(clock.offsetMs, -5000)
  })
})
