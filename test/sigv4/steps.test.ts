import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  canonicalQuery,
  canonicalUri,
  DEFAULT_URI_RULES,
  deriveSigningKey,
  expiredSessionToken,
  formatAmzDate,
  normalizePath,
  parseAmzDate,
  parseSigV4,
  S3_URI_RULES,
  SigningKeyCache,
  unknownAccessKey,
} from '../../src/sigv4/index.js'

describe('sigv4 steps', () => {
  it('canonical URI: other services normalise and encode again, S3 keeps the path as sent', () => {
    assert.equal(canonicalUri('/a%20b/./c/../d//', DEFAULT_URI_RULES), '/a%2520b/d/')
    assert.equal(canonicalUri('/a%20b/./c/../d//', S3_URI_RULES), '/a%20b/./c/../d//')
    assert.equal(canonicalUri('/test$file.text', S3_URI_RULES), '/test%24file.text')
    assert.equal(canonicalUri('/k%2fey%2F', S3_URI_RULES), '/k%2Fey%2F')
    assert.equal(canonicalUri('/ሴ', S3_URI_RULES), '/%E1%88%B4')
    assert.equal(canonicalUri('', DEFAULT_URI_RULES), '/')
    assert.equal(normalizePath('/a/b/../../..'), '/')
  })

  it('canonical query: decoded once, encoded the SigV4 way, sorted by name then value', () => {
    assert.equal(canonicalQuery('b=2&a=y&a=x&c'), 'a=x&a=y&b=2&c=')
    assert.equal(canonicalQuery('k=a+b%20c%2a~'), 'k=a%2Bb%20c%2A~')
    assert.equal(canonicalQuery('X-Amz-Signature=abc&a=1', 'X-Amz-Signature'), 'a=1')
    assert.equal(canonicalQuery('p=%zz'), 'p=%25zz')
  })

  it('X-Amz-Date: strict basic format, real instants only', () => {
    assert.equal(parseAmzDate('20150830T123600Z')?.toISOString(), '2015-08-30T12:36:00.000Z')
    assert.equal(parseAmzDate('20150231T000000Z'), undefined)
    assert.equal(parseAmzDate('2015-08-30T12:36:00Z'), undefined)
    assert.equal(formatAmzDate(new Date('2015-08-30T12:36:00.999Z')), '20150830T123600Z')
  })

  it('the Date header stands in for a missing X-Amz-Date', () => {
    const parsed = parseSigV4({
      method: 'GET',
      path: '/',
      query: '',
      headers: {
        host: 'h',
        date: 'Sun, 30 Aug 2015 12:36:00 GMT',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AK/20150830/us-east-1/iam/aws4_request, SignedHeaders=date;host, Signature=00',
      },
      body: new Uint8Array(),
    })
    assert.ok(parsed.ok)
    assert.equal(parsed.amzDate, '20150830T123600Z')
  })

  it('signing key: the key derivation of the AWS documentation example', () => {
    // AWS General Reference, "Examples of how to derive a signing key for Signature Version 4".
    const key = deriveSigningKey('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20120215', 'us-east-1', 'iam')
    assert.equal(key.toString('hex'), 'f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d')
  })

  it('signing-key cache: one derivation per scope, bounded, least recently used evicted first', () => {
    const cache = new SigningKeyCache(2)
    const a = cache.get('secret', '20150830', 'us-east-1', 'iam')
    assert.equal(cache.get('secret', '20150830', 'us-east-1', 'iam'), a)
    assert.deepEqual(a, deriveSigningKey('secret', '20150830', 'us-east-1', 'iam'))
    cache.get('secret', '20150830', 'us-east-1', 'sts')
    cache.get('secret', '20150830', 'us-east-1', 'iam')
    cache.get('other', '20150830', 'us-east-1', 'iam')
    assert.equal(cache.size, 2)
    assert.deepEqual([cache.hits, cache.misses], [2, 3])
    cache.get('secret', '20150830', 'us-east-1', 'iam')
    assert.equal(cache.hits, 3, 'the recently used key survived')
    cache.get('secret', '20150830', 'us-east-1', 'sts')
    assert.equal(cache.misses, 4, 'the least recently used key was evicted')
  })

  it('credential refusals carry the code, status and text of each dialect, status and text', () => {
    assert.deepEqual(unknownAccessKey(false), {
      ok: false,
      code: 'InvalidClientTokenId',
      status: 403,
      message: 'The security token included in the request is invalid.',
    })
    assert.equal(unknownAccessKey(true).code, 'InvalidAccessKeyId')
    assert.equal(expiredSessionToken(false).message, 'The security token included in the request is expired')
    assert.deepEqual(
      [expiredSessionToken(true).status, expiredSessionToken(true).message],
      [400, 'The provided token has expired.'],
    )
  })
})
