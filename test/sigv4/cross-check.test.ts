import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseSigV4, type ReceivedRequest, type VerifyResult, verifySigV4 } from '../../src/sigv4/index.js'
import { CREDENTIALS, presign, rfc3986, signHeader } from './smithy.js'

const NOW = new Date('2026-03-01T10:00:00Z')
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

function verify(request: ReceivedRequest, now = NOW): VerifyResult {
  const parsed = parseSigV4(request)
  if (!parsed.ok) return parsed
  return verifySigV4(request, parsed, CREDENTIALS.secretAccessKey, now)
}

function assertOk(request: ReceivedRequest): void {
  const result = verify(request)
  assert.ok(result.ok, JSON.stringify(result))
}

function assertRefused(request: ReceivedRequest, code = 'SignatureDoesNotMatch'): void {
  const result = verify(request)
  assert.equal(result.ok, false, 'an altered request verified')
  assert.equal(!result.ok && result.code, code)
}

const withHeader = (r: ReceivedRequest, name: string, value: string): ReceivedRequest => ({
  ...r,
  headers: { ...r.headers, [name]: value },
})

const form = 'Action=GetCallerIdentity&Version=2011-06-15'
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }

describe('sigv4 cross-check with @smithy/signature-v4: signed requests verify, altered ones do not', () => {
  it('POST with a form body (STS)', async () => {
    const r = await signHeader('sts', { method: 'POST', path: '/', headers: formHeaders, body: form }, NOW)
    assertOk(r)
    assertRefused({ ...r, body: new TextEncoder().encode(`${form}x`) })
    assertRefused(withHeader(r, 'content-type', 'text/plain'))
    assertRefused(withHeader(r, 'x-amz-date', '20260301T100001Z'))
    assertRefused({ ...r, path: '/x' })
    assertRefused({ ...r, query: 'a=b' })
  })

  it('GET with special characters in the query (IAM)', async () => {
    const query = {
      Action: 'ListUsers',
      PathPrefix: "/a b+c/~!*'()&=?#ü/",
      Marker: '',
      Version: '2010-05-08',
    }
    const r = await signHeader('iam', { method: 'GET', path: '/', query }, NOW)
    assertOk(r)
    assertRefused({ ...r, query: r.query.replace('ListUsers', 'ListRoles') })
    assertRefused({ ...r, query: r.query.replace('%2B', '%20') })
    assertRefused({ ...r, method: 'POST' })
  })

  it('a session token in the signed headers', async () => {
    const r = await signHeader(
      'sts',
      { method: 'POST', path: '/', headers: formHeaders, body: form },
      NOW,
      'token/+=',
    )
    const result = verify(r)
    assert.ok(result.ok)
    assert.equal(result.securityToken, 'token/+=')
    assertRefused(withHeader(r, 'x-amz-security-token', 'other'))
  })

  it('a presigned STS GetCallerIdentity URL, with an extra signed header', async () => {
    const r = await presign(
      'sts',
      {
        method: 'GET',
        path: '/',
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        headers: { 'x-k8s-aws-id': 'cluster' },
      },
      NOW,
      60,
      'session-token',
    )
    const result = verify(r)
    assert.ok(result.ok, JSON.stringify(result))
    assert.equal(result.mechanism, 'query')
    assert.equal(result.securityToken, 'session-token')
    assertRefused(withHeader(r, 'x-k8s-aws-id', 'other'))
    assertRefused({ ...r, query: r.query.replace('GetCallerIdentity', 'GetSessionToken') })
    // AWS: STS ignores X-Amz-Expires; the 15-minute window decides.
    assert.ok(verify(r, new Date(NOW.getTime() + 14 * 60_000)).ok)
    assert.equal(verify(r, new Date(NOW.getTime() + 16 * 60_000)).ok, false)
  })

  it('S3 PUT to a key with spaces, unicode and reserved characters', async () => {
    const key = 'dir/my file ü+€ (1)$&=.txt'
    const path = `/bucket/${key.split('/').map(rfc3986).join('/')}`
    const body = 'hello, world'
    const { createHash } = await import('node:crypto')
    const hash = createHash('sha256').update(body).digest('hex')
    const r = await signHeader(
      's3',
      { method: 'PUT', path, headers: { 'x-amz-content-sha256': hash }, body },
      NOW,
    )
    assertOk(r)
    assertRefused({ ...r, body: new TextEncoder().encode('hello, world!') }, 'XAmzContentSHA256Mismatch')
    assertRefused({ ...r, path: path.replace('my%20file', 'my%20fil3') })
    assertRefused(withHeader(r, 'x-amz-content-sha256', EMPTY))
  })

  it('S3 with UNSIGNED-PAYLOAD: the body is not covered, the rest is', async () => {
    const r = await signHeader(
      's3',
      {
        method: 'PUT',
        path: '/bucket/key',
        headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
        body: 'abc',
      },
      NOW,
    )
    assertOk(r)
    assertOk({ ...r, body: new TextEncoder().encode('other') })
    assertRefused({ ...r, path: '/bucket/key2' })
  })

  it('an S3 presigned GET of a unicode key', async () => {
    const path = `/bucket/${rfc3986('ключ файл.txt')}`
    const r = await presign(
      's3',
      { method: 'GET', path, headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } },
      NOW,
      3600,
    )
    const stripped: ReceivedRequest = { ...r, headers: { host: r.headers.host! } }
    assertOk(stripped)
    assert.equal(verify(stripped, new Date(NOW.getTime() + 3600_000)).ok, true)
    const late = verify(stripped, new Date(NOW.getTime() + 3601_000))
    assert.equal(!late.ok && late.message, 'Request has expired')
    assertRefused({ ...stripped, path: `${path}x` })
    assertRefused({ ...stripped, query: stripped.query.replace('X-Amz-Expires=3600', 'X-Amz-Expires=3601') })
  })

  it('a date moved by one second', async () => {
    const r = await signHeader('iam', { method: 'GET', path: '/', query: { Action: 'ListUsers' } }, NOW)
    assertRefused(withHeader(r, 'x-amz-date', '20260301T095959Z'))
  })
})
