import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import fc from 'fast-check'
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose'
import { AwsError } from '../../src/kernel/aws-error.js'
import { JwksCache, verifyWebIdentityToken } from '../../src/oidc/index.js'
import { applyEdits, budget } from './budget.js'
import { edits } from './edits.js'

// The web-identity (JWT) verifier on hostile tokens: a valid token edited as text, tokens properly signed whose
// claims have any type, and hand-made headers (alg none, HS256 with the public key, unknown kid, crit). Every
// refusal must be STS's InvalidIdentityToken or ExpiredTokenException 400, never another error.

const NOW = new Date('2026-12-01T12:00:00Z')
const NOW_S = Math.floor(NOW.getTime() / 1000)
const CODES = new Set(['InvalidIdentityToken', 'ExpiredTokenException'])
const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')

/** Anything a claim could hold. */
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(1e308, -1, 0.5, NOW_S + 600, NOW_S - 600, '', 'sts.amazonaws.com', [
    'sts.amazonaws.com',
    7,
  ]),
)

describe('fuzz: the web-identity token verifier answers InvalidIdentityToken or ExpiredTokenException', () => {
  let server: Server
  let issuer: string
  let key: Awaited<ReturnType<typeof generateKeyPair>>
  let publicJwk: JWK
  const jwks = new JwksCache()

  before(async () => {
    key = await generateKeyPair('RS256')
    publicJwk = { ...(await exportJWK(key.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json')
      if (req.url === '/.well-known/openid-configuration')
        res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/keys.json` }))
      else if (req.url === '/keys.json') res.end(JSON.stringify({ keys: [publicJwk] }))
      else res.writeHead(404).end('{}')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(() => new Promise<void>((resolve) => server.close(() => resolve())))

  const provider = () => ({
    arn: `arn:aws:iam::111122223333:oidc-provider/${issuer.replace('http://', '')}`,
    clientIds: ['sts.amazonaws.com'],
  })
  const verify = (token: string) =>
    verifyWebIdentityToken(
      token,
      async (host) => (host === issuer.replace('http://', '') ? provider() : undefined),
      jwks,
      NOW,
    )
  /** Accepted, or refused with one of STS's two codes and a 400. */
  const check = async (token: string) => {
    try {
      await verify(token)
    } catch (error) {
      assert.ok(error instanceof AwsError, `threw ${(error as Error)?.stack ?? String(error)}`)
      assert.ok(CODES.has(error.code), `${error.code}: ${error.message}`)
      assert.equal(error.status, 400)
    }
  }
  const validClaims = () => ({
    iss: issuer,
    sub: 'system:serviceaccount:ns:sa',
    aud: 'sts.amazonaws.com',
    iat: NOW_S - 10,
    exp: NOW_S + 3600,
  })
  const sign = (claims: Record<string, unknown>, header: Record<string, unknown> = {}) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1', ...header }).sign(key.privateKey)

  it('a valid token is accepted (the properties below start from it)', async () => {
    assert.equal((await verify(await sign(validClaims()))).subject, 'system:serviceaccount:ns:sa')
  })

  it('regression: an aud that is a number or an object is Incorrect token audience, not a TypeError', async () => {
    for (const aud of [1e308, { a: 1 }, [7], null]) {
      await assert.rejects(verify(await sign({ ...validClaims(), aud })), (error: unknown) => {
        assert.ok(error instanceof AwsError)
        assert.equal(error.code, 'InvalidIdentityToken')
        assert.equal(error.message, 'Incorrect token audience')
        return true
      })
    }
  })

  it('a valid token edited as text', async () => {
    const token = await sign(validClaims())
    await fc.assert(
      fc.asyncProperty(edits, async (e) => check(applyEdits(token, e))),
      budget(),
    )
  })

  it('properly signed tokens whose claims have any type', async () => {
    const claimName = fc.constantFrom(
      'iss',
      'sub',
      'aud',
      'azp',
      'exp',
      'iat',
      'nbf',
      'amr',
      'https://aws.amazon.com/tags',
      'https://aws.amazon.com/source_identity',
    )
    const tagsBlock = fc.record({
      principal_tags: fc.oneof(
        anyValue,
        fc.dictionary(fc.string({ maxLength: 5 }), anyValue, { maxKeys: 3 }),
      ),
      transitive_tag_keys: anyValue,
    })
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(claimName, fc.oneof(anyValue, tagsBlock), { maxKeys: 4 }),
        fc.subarray(['iss', 'sub', 'aud', 'exp', 'iat']),
        async (overrides, dropped) => {
          const claims: Record<string, unknown> = { ...validClaims(), ...overrides }
          for (const name of dropped) delete claims[name]
          await check(await sign(claims))
        },
      ),
      budget(0.3),
    )
  })

  it('hand-made headers: alg none, HS256 keyed with the public key, unknown kid, crit, broken segments', async () => {
    const hs256 = async (payload: string, headerText: string) => {
      const { createHmac } = await import('node:crypto')
      const input = `${headerText}.${payload}`
      return `${input}.${createHmac('sha256', JSON.stringify(publicJwk)).update(input).digest('base64url')}`
    }
    const headerValue = fc.record(
      {
        alg: fc.constantFrom('none', 'None', 'HS256', 'RS256', 'ES256', 'PS256', '', 7),
        kid: fc.oneof(fc.constantFrom('k1', 'unknown', ''), fc.jsonValue({ maxDepth: 0 })),
        typ: fc.constantFrom('JWT', 'at+jwt'),
        crit: fc.constantFrom(['exp'], ['b64'], 'x'),
        b64: fc.boolean(),
        jku: fc.constant('http://127.0.0.1:1/keys'),
      },
      { requiredKeys: ['alg'] },
    )
    await fc.assert(
      fc.asyncProperty(
        headerValue,
        fc.constantFrom('none', 'hmac', 'garbage', 'empty', 'extra-segment'),
        async (header, signature) => {
          const headerText = b64(header)
          const payload = b64(validClaims())
          const token =
            signature === 'hmac'
              ? await hs256(payload, headerText)
              : signature === 'none'
                ? `${headerText}.${payload}.`
                : signature === 'garbage'
                  ? `${headerText}.${payload}.${b64('not a signature')}`
                  : signature === 'empty'
                    ? `${headerText}..`
                    : `${headerText}.${payload}.${b64('x')}.${b64('y')}`
          await check(token)
        },
      ),
      budget(),
    )
  })
})
