import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { hmacHex } from '../../src/sigv4/hash.js'

const expected = (key: Uint8Array, data: string) =>
  createHmac('sha256', key).update(data, 'utf8').digest('hex')

describe('sigv4/hmacHex', () => {
  it('equals createHmac for any key (shorter than, equal to and longer than a block) and any text', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 150 }),
        fc.string({ unit: 'grapheme', maxLength: 600 }),
        (key, data) => {
          assert.equal(hmacHex(key, data), expected(key, data))
        },
      ),
      { numRuns: 500 },
    )
  })

  it('gives each key its own result when one key is reused between others, and grows past 1 KiB of text', () => {
    const a = Buffer.alloc(32, 1)
    const b = Buffer.alloc(32, 2)
    const long = 'é'.repeat(3000)
    for (const [key, data] of [
      [a, 'x'],
      [b, 'x'],
      [a, long],
      [b, ''],
      [a, 'x'],
    ] as const)
      assert.equal(hmacHex(key, data), expected(key, data))
  })

  it('matches RFC 4231 test case 2 (key "Jefe")', () => {
    assert.equal(
      hmacHex(Buffer.from('Jefe'), 'what do ya want for nothing?'),
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    )
  })
})
