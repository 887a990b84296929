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
