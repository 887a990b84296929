import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  canonicalRequest,
  DEFAULT_URI_RULES,
  deriveSigningKey,
  parseSigV4,
  S3_URI_RULES,
  sha256Hex,
  signatureOf,
  stringToSign,
  verifySigV4,
} from '../../src/sigv4/index.js'
import { loadFolder, received, type SignatureCase } from './cases.js'

const FOLDERS = ['suite', 'presigned', 's3', 'botocore']

/** The payload hash the case's service signs: S3 signs the header's value, others the body. */
function signedPayloadHash(c: SignatureCase, body: Uint8Array): string {
  if (!c.s3) return sha256Hex(body)
  const header = c.request.headers['x-amz-content-sha256']
  return typeof header === 'string' ? header : 'UNSIGNED-PAYLOAD'
}

for (const folder of FOLDERS) {
  describe(`sigv4 conformance: ${folder}`, () => {
    for (const { file, data: c } of loadFolder<SignatureCase>(folder)) {
      if (c.skip !== undefined) {
        it(`${c.name} (${file})`, { skip: c.skip }, () => {})
        continue
      }
      it(`${c.name}: canonical request, string to sign, signature and verification`, () => {
        const request = received(c)
        const parsed = parseSigV4(request, { s3: c.s3 })
        assert.ok(parsed.ok, `parse failed: ${JSON.stringify(parsed)}`)
        assert.equal(parsed.mechanism, c.mechanism)
        assert.equal(parsed.accessKeyId, c.credentials.accessKeyId)
        const canonical = canonicalRequest(request, {
          signedHeaders: parsed.signedHeaders,
          payloadHash: signedPayloadHash(c, request.body),
          uriRules: c.s3 ? S3_URI_RULES : DEFAULT_URI_RULES,
          presigned: c.mechanism === 'query',
        })
        assert.equal(canonical, c.canonicalRequest)
        const toSign = stringToSign(parsed.amzDate, parsed.credentialScope, canonical)
        assert.equal(toSign, c.stringToSign)
        const { date, region, service } = parsed.scope
        const key = deriveSigningKey(c.credentials.secretAccessKey, date, region, service)
        assert.equal(signatureOf(key, toSign), c.signature)
        assert.equal(parsed.signature, c.signature)

        const result = verifySigV4(request, parsed, c.credentials.secretAccessKey, new Date(c.now))
        assert.ok(result.ok, `verify failed: ${JSON.stringify(result)}`)
        assert.equal(result.securityToken, c.securityToken)

        const wrong = verifySigV4(request, parsed, `${c.credentials.secretAccessKey}x`, new Date(c.now))
        assert.equal(wrong.ok, false)
        assert.equal(!wrong.ok && wrong.code, 'SignatureDoesNotMatch')
      })
    }
  })
}
