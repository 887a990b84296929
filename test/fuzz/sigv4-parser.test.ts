import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { parseSigV4, type ReceivedRequest, type SigV4ErrorCode, verifySigV4 } from '../../src/sigv4/index.js'
import { applyEdits, budget } from './budget.js'
import { edits } from './edits.js'

// The SigV4 parser and verifier on malformed authentication: Authorization headers, presigned queries and the
// date, token and payload-hash headers, each broken on its own. test/sigv4/property.test.ts covers requests
// signed correctly and then changed by one byte.

const CODES: ReadonlySet<SigV4ErrorCode> = new Set<SigV4ErrorCode>([
  'MissingAuthenticationToken',
  'IncompleteSignature',
  'SignatureDoesNotMatch',
  'AccessDenied',
  'RequestTimeTooSkewed',
  'AuthorizationHeaderMalformed',
  'AuthorizationQueryParametersError',
  'InvalidArgument',
  'InvalidRequest',
  'XAmzContentSHA256Mismatch',
  'IncompleteBody',
  'InvalidChunkSizeError',
  'MalformedTrailerError',
  'BadDigest',
  'InvalidClientTokenId',
  'InvalidAccessKeyId',
  'InvalidToken',
  'ExpiredToken',
])

const NOW = new Date('2015-08-30T12:36:00Z')
const SIGNATURE = '5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7'

const header = (service: string) =>
  `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/${service}/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=${SIGNATURE}`
const presigned = (service: string) =>
  `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2F${service}%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=${SIGNATURE}`

const request = fc.record({
  service: fc.constantFrom('iam', 'sts', 's3', 'ec2', ''),
  mechanism: fc.constantFrom('header', 'query', 'both', 'neither'),
  authEdits: edits,
  amzDate: fc.oneof(
    fc.constant('20150830T123600Z'),
    fc.constantFrom(
      '20150830T123600',
      '2015-08-30T12:36:00Z',
      '99999999T999999Z',
      '',
      'Sun, 30 Aug 2015 12:36:00 GMT',
    ),
    fc.string({ maxLength: 20 }),
  ),
  contentSha: fc.option(
    fc.constantFrom(
      'UNSIGNED-PAYLOAD',
      'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
      'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'zz',
      '',
    ),
  ),
  token: fc.option(fc.string({ maxLength: 30 })),
  decodedLength: fc.option(fc.constantFrom('0', '-1', '10', 'x', '99999999999999999999')),
  body: fc.oneof(
    fc.uint8Array({ maxLength: 40 }),
    fc.constant(new TextEncoder().encode('a;chunk-signature=zz\r\n\r\n')),
  ),
  s3: fc.option(fc.boolean()),
  path: fc.constantFrom('/', '/bucket/key', '/%zz', '/a/../b', '//', ''),
})

function received(r: typeof request extends fc.Arbitrary<infer T> ? T : never): ReceivedRequest {
  const headers: Record<string, string> = { host: 'example.amazonaws.com', 'content-type': 'text/plain' }
  if (r.mechanism === 'header' || r.mechanism === 'both')
    headers.authorization = applyEdits(header(r.service), r.authEdits)
  headers['x-amz-date'] = r.amzDate
  if (r.contentSha !== null) headers['x-amz-content-sha256'] = r.contentSha
  if (r.token !== null) headers['x-amz-security-token'] = r.token
  if (r.decodedLength !== null) headers['x-amz-decoded-content-length'] = r.decodedLength
  const query =
    r.mechanism === 'query' || r.mechanism === 'both' ? applyEdits(presigned(r.service), r.authEdits) : ''
  return { method: 'PUT', path: r.path, query, headers, body: r.body }
}

/** A failure must be one of the SigV4 codes, with a 4xx status and a message. */
function checkFailure(
  result: { ok: false; code: string; status: number; message: string },
  where: string,
): void {
  assert.ok(CODES.has(result.code as SigV4ErrorCode), `${where}: unknown code ${result.code}`)
  assert.ok(result.status >= 400 && result.status < 500, `${where}: status ${result.status}`)
  assert.equal(typeof result.message, 'string')
}

describe('fuzz: SigV4 parsing and verification answer a result, never throw', () => {
  it('malformed Authorization headers, presigned queries and signing headers', () => {
    let verifiedCases = 0
    fc.assert(
      fc.property(request, (r) => {
        const wire = received(r)
        const parsed = parseSigV4(wire, r.s3 === null ? {} : { s3: r.s3 })
        if (!parsed.ok) return checkFailure(parsed, 'parse')
        verifiedCases++
        const verified = verifySigV4(wire, parsed, 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', NOW)
        if (!verified.ok) checkFailure(verified, 'verify')
      }),
      budget(),
    )
    // Some cases must get past the parser, or verification was never exercised.
    assert.ok(verifiedCases > 0)
  })

  it('Authorization headers of arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (authorization, query) => {
        const wire: ReceivedRequest = {
          method: 'GET',
          path: '/',
          query,
          headers: { authorization },
          body: new Uint8Array(),
        }
        const parsed = parseSigV4(wire)
        if (!parsed.ok) return checkFailure(parsed, 'parse')
        const verified = verifySigV4(wire, parsed, 'secret', NOW)
        if (!verified.ok) checkFailure(verified, 'verify')
      }),
      budget(),
    )
  })
})
