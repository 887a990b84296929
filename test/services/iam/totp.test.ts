import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { findCounter, hotp, type TotpAlgorithm, totpCounter } from '../../../src/services/iam/totp.js'

interface Vectors {
  readonly hotp: { readonly secretAscii: string; readonly codes: readonly string[] }
  readonly totp: readonly {
    readonly algorithm: TotpAlgorithm
    readonly secretAscii: string
    readonly time: number
    readonly code: string
  }[]
}

const vectors = JSON.parse(
  readFileSync(new URL('../../conformance/totp/rfc-vectors.json', import.meta.url), 'utf8'),
) as Vectors
const ascii = (text: string) => Uint8Array.from(Buffer.from(text, 'ascii'))

describe('TOTP (RFC 4226 / RFC 6238)', () => {
  vectors.hotp.codes.forEach((code, counter) => {
    it(`HOTP counter ${counter} → ${code}`, () => {
      assert.equal(hotp(ascii(vectors.hotp.secretAscii), counter), code)
    })
  })

  for (const vector of vectors.totp) {
    it(`TOTP ${vector.algorithm} at ${vector.time} → ${vector.code}`, () => {
      const counter = totpCounter(new Date(vector.time * 1000))
      assert.equal(hotp(ascii(vector.secretAscii), counter, 8, vector.algorithm), vector.code)
    })
  }

  it('findCounter finds the step of a code inside the window and nothing outside it', () => {
    const key = ascii(vectors.hotp.secretAscii)
    assert.equal(findCounter(key, '969429', 0, 9), 3)
    assert.equal(findCounter(key, '969429', 4, 9), undefined)
  })
})
