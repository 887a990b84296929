import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import fc from 'fast-check'
import { AwsError } from '../../src/kernel/aws-error.js'
import { LruPolicyCache } from '../../src/policy/index.js'
import { PolicyLoader } from '../../src/services/iam/policy-loader.js'
import { SealingKeyRing } from '../../src/services/sts/sealing-keys.js'
import type { SessionClaims } from '../../src/services/sts/session-claims.js'
import { sessionResolver } from '../../src/services/sts/session-resolver.js'
import {
  openSessionToken,
  sealSessionToken,
  sessionTokenKeyId,
} from '../../src/services/sts/session-token.js'
import { openStore, type Store } from '../../src/store/index.js'

const random = (size: number) => new Uint8Array(randomBytes(size))
const claims: SessionClaims = {
  kind: 'AssumedRole',
  accessKeyId: 'ASIAAAAAAAAAEXAMPLE1',
  secretAccessKey: 'secret',
  accountId: '111122223333',
  arn: 'arn:aws:sts::111122223333:assumed-role/app/s1',
  principalArn: 'arn:aws:iam::111122223333:role/app',
  uniqueId: 'AROAAAAAAAAAAEXAMPLE1',
  sessionName: 's1',
  issuedAt: 1_700_000_000_000,
  expiresAt: 1_700_003_600_000,
}
const key = { id: Uint8Array.of(1, 2, 3, 4), key: random(32) }

describe('sts/session-token', () => {
  it('opens what it sealed, and names its key', () => {
    const token = sealSessionToken(claims, key, random)
    assert.deepEqual(openSessionToken(token, claims.accessKeyId, key.key), claims)
    assert.deepEqual(sessionTokenKeyId(token), key.id)
  })
  it('refuses a token presented with another access key id', () => {
    const token = sealSessionToken(claims, key, random)
    assert.equal(openSessionToken(token, 'ASIAAAAAAAAAEXAMPLE2', key.key), undefined)
  })
  it('refuses a token under another key', () => {
    const token = sealSessionToken(claims, key, random)
    assert.equal(openSessionToken(token, claims.accessKeyId, random(32)), undefined)
  })
  it('refuses every single-byte change and every truncation', () => {
    const bytes = Buffer.from(sealSessionToken(claims, key, random), 'base64')
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const changed = Buffer.from(bytes)
        changed[at] = changed[at]! ^ flip
        assert.equal(openSessionToken(changed.toString('base64'), claims.accessKeyId, key.key), undefined)
        assert.equal(
          openSessionToken(bytes.subarray(0, at).toString('base64'), claims.accessKeyId, key.key),
          undefined,
        )
      }),
    )
  })
  it('never throws on garbage', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        assert.equal(openSessionToken(text, claims.accessKeyId, key.key), undefined)
        sessionTokenKeyId(text)
      }),
    )
  })
})

/** A store in a temp dir, opened before the suite's tests and removed after them; read `.store` inside tests. */
function tempStore(prefix: string): { store: Store } {
  const holder = {} as { store: Store }
  let dir: string
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix))
    holder.store = await openStore({ kind: 'sqlite', file: join(dir, 'db'), masterKey: random(32) })
  })
  after(async () => {
    await holder.store.close()
    await rm(dir, { recursive: true, force: true })
  })
  return holder
}

describe('sts/sealing-keys', () => {
  const temp = tempStore('lanyard-keys-')
  const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000)

  it('keeps one key per period, shared by every ring on the store', async () => {
    const a = new SealingKeyRing(temp.store.settings, random)
    const b = new SealingKeyRing(temp.store.settings, random)
    const [ka, kb] = await Promise.all([a.current(day(0)), b.current(day(0))])
    assert.deepEqual(ka.id, kb.id)
    assert.deepEqual(ka.key, kb.key)
    assert.deepEqual((await a.current(new Date(day(0).getTime() + 3_600_000))).id, ka.id)
  })
  it('rotates with the period and still finds the previous key', async () => {
    const ring = new SealingKeyRing(temp.store.settings, random)
    const first = await ring.current(day(10))
    const second = await ring.current(day(11))
    assert.notDeepEqual(first.id, second.id)
    assert.deepEqual(await new SealingKeyRing(temp.store.settings, random).find(first.id), first.key)
  })
  it('retires keys once every token they sealed has expired', async () => {
    const ring = new SealingKeyRing(temp.store.settings, random)
    const old = await ring.current(day(20))
    await ring.current(day(21))
    assert.ok(await new SealingKeyRing(temp.store.settings, random).find(old.id))
    await ring.current(day(23))
    assert.equal(await new SealingKeyRing(temp.store.settings, random).find(old.id), undefined)
  })
})

describe('sts/session-resolver', () => {
  const temp = tempStore('lanyard-resolver-')
  const now = new Date(claims.issuedAt + 60_000)
  const refused = (code: string) => (error: unknown) => error instanceof AwsError && error.code === code

  /** A resolver over a ring that counts how often a token's key is looked up (once per token opened). */
  async function counted(openedLimit?: number) {
    const ring = new SealingKeyRing(temp.store.settings, random)
    const sealing = await ring.current(now)
    const find = ring.find.bind(ring)
    const lookups = { count: 0 }
    ring.find = (id) => {
      lookups.count++
      return find(id)
    }
    const resolver = sessionResolver(temp.store, new PolicyLoader(new LruPolicyCache(10)), ring, openedLimit)
    const seal = (accessKeyId: string) => sealSessionToken({ ...claims, accessKeyId }, sealing, random)
    return { resolver, seal, lookups }
  }

  it('opens a token once and answers its later requests from memory, expiry still checked on each', async () => {
    const { resolver, seal, lookups } = await counted()
    const token = seal(claims.accessKeyId)
    for (let i = 0; i < 3; i++)
      assert.equal((await resolver.resolve(claims.accessKeyId, token, now)).secretAccessKey, 'secret')
    assert.equal(lookups.count, 1)
    await assert.rejects(
      resolver.resolve(claims.accessKeyId, token, new Date(claims.expiresAt)),
      refused('ExpiredToken'),
    )
  })

  it('refuses a remembered token presented with another access key id, and a changed one', async () => {
    const { resolver, seal } = await counted()
    const token = seal(claims.accessKeyId)
    await resolver.resolve(claims.accessKeyId, token, now)
    await assert.rejects(
      resolver.resolve('ASIAAAAAAAAAEXAMPLE2', token, now),
      refused('InvalidClientTokenId'),
    )
    const changed = Buffer.from(token, 'base64')
    changed[changed.length - 1] = changed[changed.length - 1]! ^ 1
    await assert.rejects(
      resolver.resolve(claims.accessKeyId, changed.toString('base64'), now),
      refused('InvalidClientTokenId'),
    )
  })

  it('builds a session caller once and again after a change notice; an MFA session each time', async () => {
    const { resolver, seal } = await counted()
    const token = seal('ASIAAAAAAAAAEXAMPLE5')
    const callerAt = async (at: Date, accessKeyId = 'ASIAAAAAAAAAEXAMPLE5', sealed = token) =>
      (await resolver.resolve(accessKeyId, sealed, at)).caller()
    const first = await callerAt(now)
    assert.equal(await callerAt(new Date(now.getTime() + 1000)), first)
    await temp.store.changes.publish({ topic: 'iam' })
    const rebuilt = await callerAt(now)
    assert.notEqual(rebuilt, first)
    assert.deepEqual(rebuilt.context, first.context)

    const mfa = sealSessionToken(
      { ...claims, accessKeyId: 'ASIAAAAAAAAAEXAMPLE6', mfaAuthenticatedAt: claims.issuedAt },
      await new SealingKeyRing(temp.store.settings, random).current(now),
      random,
    )
    const ageAt = async (at: Date) =>
      (await callerAt(at, 'ASIAAAAAAAAAEXAMPLE6', mfa)).context.get('aws:multifactorauthage')
    assert.equal(await ageAt(now), '60')
    assert.equal(await ageAt(new Date(now.getTime() + 30_000)), '90')
  })

  it('remembers at most openedLimit tokens', async () => {
    const { resolver, seal, lookups } = await counted(1)
    const first = seal('ASIAAAAAAAAAEXAMPLE3')
    const second = seal('ASIAAAAAAAAAEXAMPLE4')
    await resolver.resolve('ASIAAAAAAAAAEXAMPLE3', first, now)
    await resolver.resolve('ASIAAAAAAAAAEXAMPLE4', second, now)
    await resolver.resolve('ASIAAAAAAAAAEXAMPLE3', first, now)
    assert.equal(lookups.count, 3)
  })
})
