import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import {
  accountOfAccessKeyId,
  base32Decode,
  base32Encode,
  newAccessKeyId,
  newUniqueId,
  timeOrderedUuid,
} from '../../src/kernel/ids.js'

describe('kernel/ids', () => {
  it('decodes the account of a documented AWS key id', () => {
    // A real, published key id and the account it belongs to.
    assert.equal(accountOfAccessKeyId('ASIAY34FZKBOKMUTVV7A'), '609629065308')
  })
  it('round-trips every account through a new key id', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 999_999_999_999n }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (n, noise) => {
          const account = n.toString().padStart(12, '0')
          const id = newAccessKeyId('AKIA', account, () => noise)
          assert.equal(id.length, 20)
          assert.match(id, /^AKIA[A-Z2-7]{16}$/)
          assert.equal(accountOfAccessKeyId(id), account)
        },
      ),
    )
  })
  it('round-trips base32', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const decoded = base32Decode(base32Encode(bytes))
        assert.deepEqual(decoded, bytes)
      }),
    )
  })
  it('rejects malformed key ids', () => {
    assert.equal(accountOfAccessKeyId('AKIA'), undefined)
    assert.equal(accountOfAccessKeyId('AKIA0000000000000000'), undefined)
  })
  it('makes 21-character unique ids', () => {
    assert.match(newUniqueId('AROA', randomBytes), /^AROA[A-Z2-7]{17}$/)
  })
})

describe('timeOrderedUuid', () => {
  const v4 = 'e43d926b-793d-4dd6-9ee4-82c4781c26ee'

  it('puts the milliseconds first and version 7, keeping the random rest', () => {
    const id = timeOrderedUuid(new Date(0x018f_2b3c_4d5e), v4)
    assert.equal(id, '018f2b3c-4d5e-7dd6-9ee4-82c4781c26ee')
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('sorts by time', () => {
    const earlier = timeOrderedUuid(
      new Date('2026-12-06T00:00:00.000Z'),
      'ffffffff-ffff-4fff-bfff-ffffffffffff',
    )
    const later = timeOrderedUuid(
      new Date('2026-12-06T00:00:00.001Z'),
      '00000000-0000-4000-8000-000000000000',
    )
    assert.ok(earlier < later)
  })
})
