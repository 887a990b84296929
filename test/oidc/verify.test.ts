import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose'
import { AwsError } from '../../src/kernel/aws-error.js'
import { JwksCache, NO_VERIFICATION_KEY, NOT_A_JWT, verifyWebIdentityToken } from '../../src/oidc/index.js'

type Key = Awaited<ReturnType<typeof generateKeyPair>>
const NOW = new Date('2026-11-28T12:00:00Z')
const seconds = (d: Date) => Math.floor(d.getTime() / 1000)

describe('oidc/verifyWebIdentityToken', () => {
  let server: Server
  let issuer: string
  let key: Key
  let jwks: JWK[] = []
  const providers = new Map<string, { arn: string; clientIds: string[] }>()

  before(async () => {
    key = await generateKeyPair('RS256')
    jwks = [{ ...(await exportJWK(key.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }]
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json')
      if (req.url === '/.well-known/openid-configuration')
        res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/keys.json` }))
      else if (req.url === '/keys.json') res.end(JSON.stringify({ keys: jwks }))
      else res.writeHead(404).end('{}')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    providers.set(issuer.replace('http://', ''), {
      arn: `arn:aws:iam::111122223333:oidc-provider/${issuer.replace('http://', '')}`,
      clientIds: ['sts.amazonaws.com', 'openshift'],
    })
  })
  after(() => new Promise<void>((resolve) => server.close(() => resolve())))

  const sign = (claims: Record<string, unknown>, signer: Key = key, kid = 'k1') =>
    new SignJWT({ sub: 'system:serviceaccount:ns:sa', aud: 'openshift', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(String(claims.iss ?? issuer))
      .setIssuedAt(seconds(NOW) - 10)
      .setExpirationTime(Number(claims.exp ?? seconds(NOW) + 3600))
      .sign(signer.privateKey)
  const verify = (token: string, now = NOW) =>
    verifyWebIdentityToken(token, async (host) => providers.get(host), new JwksCache(), now)
  const rejects = (promise: Promise<unknown>, code: string, message: string | RegExp) =>
    assert.rejects(promise, (error: unknown) => {
      assert.ok(error instanceof AwsError)
      assert.equal(error.code, code)
      if (typeof message === 'string') assert.equal(error.message, message)
      else assert.match(error.message, message)
      return true
    })

  it('accepts a signed token and derives the condition keys', async () => {
    const verified = await verify(`${await sign({ amr: ['a', 'b'] })}\n`)
    const host = issuer.replace('http://', '')
    assert.equal(verified.audience, 'openshift')
    assert.equal(verified.subject, 'system:serviceaccount:ns:sa')
    assert.deepEqual(verified.keys, {
      [`${host}:sub`]: 'system:serviceaccount:ns:sa',
      [`${host}:aud`]: 'openshift',
      [`${host}:amr`]: ['a', 'b'],
    })
  })
  it('refuses what is not a JWT', () => rejects(verify('not-a-token'), 'InvalidIdentityToken', NOT_A_JWT))
  it('names a missing required claim', async () => {
    const token = await new SignJWT({ sub: 's' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key.privateKey)
    await rejects(verify(token), 'InvalidIdentityToken', 'Missing a required claim: aud')
  })
  it('needs an OIDC provider for the issuer', () =>
    sign({ iss: 'https://elsewhere.example.com' }).then((t) =>
      rejects(
        verify(t),
        'InvalidIdentityToken',
        'No OpenIDConnect provider found in your account for https://elsewhere.example.com',
      ),
    ))
  it('needs the audience in the client id list, azp first', async () => {
    await rejects(verify(await sign({ aud: 'other' })), 'InvalidIdentityToken', 'Incorrect token audience')
    await rejects(
      verify(await sign({ aud: 'openshift', azp: 'other' })),
      'InvalidIdentityToken',
      'Incorrect token audience',
    )
    assert.equal(
      (await verify(await sign({ aud: ['x', 'sts.amazonaws.com'] }))).audience,
      'sts.amazonaws.com',
    )
  })
  it('refuses a token signed by another key', async () => {
    const other = await generateKeyPair('RS256')
    await rejects(verify(await sign({}, other)), 'InvalidIdentityToken', /signature/)
  })
  it('refetches the key set for an unknown kid', async () => {
    const rotated = await generateKeyPair('RS256')
    jwks = [...jwks, { ...(await exportJWK(rotated.publicKey)), kid: 'k2', alg: 'RS256' }]
    assert.equal((await verify(await sign({}, rotated, 'k2'))).audience, 'openshift')
  })
  it('allows five minutes of skew on exp, then answers ExpiredTokenException', async () => {
    const exp = seconds(NOW) - 200
    assert.ok(await verify(await sign({ exp })))
    const late = new Date(NOW.getTime() + 400_000)
    await rejects(
      verify(await sign({ exp }), late),
      'ExpiredTokenException',
      `Token expired: current date/time ${seconds(late)} must be before the expiration date/time${exp}`,
    )
  })
  it('answers the verification-key error when the issuer is unreachable', async () => {
    const host = '127.0.0.1:1'
    providers.set(host, {
      arn: 'arn:aws:iam::111122223333:oidc-provider/127.0.0.1:1',
      clientIds: ['openshift'],
    })
    await rejects(verify(await sign({ iss: `http://${host}` })), 'InvalidIdentityToken', NO_VERIFICATION_KEY)
  })
  it('reads session tags and the source identity from the AWS claims', async () => {
    const verified = await verify(
      await sign({
        'https://aws.amazon.com/tags': { principal_tags: { team: ['blue'] }, transitive_tag_keys: ['team'] },
        'https://aws.amazon.com/source_identity': 'alice',
      }),
    )
    assert.deepEqual(verified.tags, [['team', 'blue']])
    assert.deepEqual(verified.transitiveTagKeys, ['team'])
    assert.equal(verified.sourceIdentity, 'alice')
  })
})
