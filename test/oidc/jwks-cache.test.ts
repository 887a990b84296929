import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { errors } from 'jose'
import { JwksCache } from '../../src/oidc/index.js'
import { LoopbackIssuer } from '../conformance/web-identity-issuer.js'

const T0 = Date.parse('2026-12-01T00:00:00Z')
/** Resolves the key a compact token with header `{alg: RS256, kid}` names. */
const keyOf = async (cache: JwksCache, nowMs: number, kid: string) =>
  (await cache.keysFor(issuer.url, nowMs))({ alg: 'RS256', kid }, { payload: '', signature: '' })
let issuer: LoopbackIssuer

describe('oidc/JwksCache: key sets timed by the caller’s clock', () => {
  before(async () => {
    issuer = await new LoopbackIssuer().start()
    await issuer.addKey('k1', 'RS256')
    await issuer.addKey('k2', 'RS256', false)
    await issuer.addKey('k3', 'RS256', false)
  })
  after(() => issuer.stop())

  it('fetches once, keeps the set for the TTL, and fetches again after it', async () => {
    const cache = new JwksCache({ ttlMs: 60_000 })
    const before = issuer.keySetFetches
    await keyOf(cache, T0, 'k1')
    await keyOf(cache, T0 + 59_999, 'k1')
    assert.equal(issuer.keySetFetches - before, 1)
    await keyOf(cache, T0 + 60_000, 'k1')
    assert.equal(issuer.keySetFetches - before, 2)
  })

  it('refetches at once for an unknown kid, then waits out the cooldown before the next', async () => {
    const cache = new JwksCache({ refetchCooldownMs: 30_000 })
    await keyOf(cache, T0, 'k1')
    const before = issuer.keySetFetches
    issuer.publish('k2')
    assert.ok(await keyOf(cache, T0 + 1_000, 'k2'))
    assert.equal(issuer.keySetFetches - before, 1)
    issuer.publish('k3')
    await assert.rejects(keyOf(cache, T0 + 30_999, 'k3'), errors.JWKSNoMatchingKey)
    assert.equal(issuer.keySetFetches - before, 1)
    assert.ok(await keyOf(cache, T0 + 31_000, 'k3'))
    assert.equal(issuer.keySetFetches - before, 2)
  })

  it('fails when discovery fails, and does not keep the failure', async () => {
    const cache = new JwksCache()
    issuer.discovery = 'error'
    await assert.rejects(cache.keysFor(issuer.url, T0))
    issuer.discovery = 'ok'
    assert.ok(await keyOf(cache, T0, 'k1'))
  })
})
