import assert from 'node:assert/strict'
import { test } from 'node:test'
import { pooledRandomBytes } from '../../src/kernel/random-pool.js'

test('pooledRandomBytes hands out slices of the requested sizes, across refills and above the pool size', () => {
  const random = pooledRandomBytes(64)
  for (const size of [0, 1, 12, 30, 64, 65, 200]) assert.equal(random(size).length, size)
})

test('pooledRandomBytes never hands out the same bytes twice', () => {
  const random = pooledRandomBytes(256)
  const seen = new Set<string>()
  // 2,000 draws of 16 bytes: 125 refills; a repeat of 128 random bits would mean reused pool bytes.
  for (let i = 0; i < 2000; i++) {
    const hex = Buffer.from(random(16)).toString('hex')
    assert.equal(seen.has(hex), false, `draw ${i} repeats ${hex}`)
    seen.add(hex)
  }
})

test('pooledRandomBytes returns bytes the caller owns: a later draw does not change an earlier one', () => {
  const random = pooledRandomBytes(32)
  const first = random(16)
  const copy = Buffer.from(first)
  for (let i = 0; i < 10; i++) random(16)
  assert.deepEqual(Buffer.from(first), copy)
})

test('pooledRandomBytes output is not all zeros (the pool is filled before the first draw)', () => {
  const random = pooledRandomBytes()
  const bytes = random(32)
  assert.notDeepEqual(Buffer.from(bytes), Buffer.alloc(32))
})
