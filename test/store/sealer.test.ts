import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  createSealer,
  formatMasterKey,
  generateMasterKey,
  parseMasterKey,
  StoreSealedSecretError,
} from '../../src/store/index.js'

const KEY = new Uint8Array(32).fill(3)

describe('sealed secrets', () => {
  it('round-trips a value and never contains it in clear', () => {
    const sealer = createSealer(KEY)
    const sealed = sealer.seal('my secret value', 'access-key:AKIA1')
    assert.ok(!sealed.includes('my secret value'))
    assert.match(sealed, new RegExp(`^lanyard-sealed-v1:${sealer.keyId}:[A-Za-z0-9_-]+$`))
    assert.equal(sealer.open(sealed, 'access-key:AKIA1'), 'my secret value')
    assert.notEqual(sealer.seal('my secret value', 'access-key:AKIA1'), sealed, 'each seal uses a fresh IV')
  })

  it('refuses another context, another key, an altered or truncated value', () => {
    const sealer = createSealer(KEY)
    const sealed = sealer.seal('value', 'a')
    assert.throws(() => sealer.open(sealed, 'b'), StoreSealedSecretError)
    assert.throws(() => createSealer(new Uint8Array(32).fill(4)).open(sealed, 'a'), /another master key/)
    const body = sealed.slice(sealed.lastIndexOf(':') + 1)
    const flipped = `${body.slice(0, 20)}${body[20] === 'A' ? 'B' : 'A'}${body.slice(21)}`
    assert.throws(() => sealer.open(sealed.replace(body, flipped), 'a'), /failed authentication/)
    assert.throws(() => sealer.open(sealed.replace(body, body.slice(0, 10)), 'a'), /truncated/)
    assert.throws(() => sealer.open('plain text', 'a'), /not a sealed secret/)
  })

  it('parses master keys as hex or base64 and rejects anything else', () => {
    const key = generateMasterKey()
    assert.equal(key.length, 32)
    assert.deepEqual(parseMasterKey(formatMasterKey(key)), key)
    assert.deepEqual(parseMasterKey(`${Buffer.from(key).toString('base64')}\n`), key)
    assert.deepEqual(parseMasterKey(Buffer.from(key).toString('base64url')), key)
    assert.equal(parseMasterKey('abc'), undefined)
    assert.equal(parseMasterKey('zz'.repeat(32)), undefined)
    assert.throws(() => createSealer(new Uint8Array(31)), RangeError)
  })
})
