import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { parseSigV4, type ReceivedRequest, verifySigV4 } from '../../src/sigv4/index.js'
import { CREDENTIALS, presign, rfc3986, signHeader, type Unsigned } from './smithy.js'

const NOW = new Date('2026-03-01T10:00:00Z')

/** Text of any Unicode, short; the SDK escapes it on the wire. */
const text = fc.string({ unit: 'grapheme', maxLength: 12 })
/** A path segment that normalisation leaves alone. */
const segment = text.filter((s) => s !== '' && s !== '.' && s !== '..')
const headerName = fc.stringMatching(/^x-(amz-meta|lanyard)-[a-z0-9]{1,8}$/)
const headerValue = fc.stringMatching(/^[!-~]([ -~]{0,20}[!-~])?$/)

const request = fc.record({
  service: fc.constantFrom('iam', 'sts', 's3'),
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
  segments: fc.array(segment, { maxLength: 4 }),
  query: fc.dictionary(
    // The SDK signer takes the query as a plain object, where a `__proto__` key cannot be represented.
    text.filter((k) => k !== '' && !k.startsWith('X-Amz-') && k !== '__proto__'),
    text,
    { maxKeys: 4 },
  ),
  headers: fc.dictionary(headerName, headerValue, { maxKeys: 3 }),
  body: fc.uint8Array({ maxLength: 64 }),
  presigned: fc.boolean(),
})

type Generated = typeof request extends fc.Arbitrary<infer T> ? T : never

async function sign(g: Generated): Promise<ReceivedRequest> {
  const s3 = g.service === 's3'
  const path = `/${g.segments.map(rfc3986).join('/')}`
  const body = g.presigned ? new Uint8Array() : g.body
  const headers: Record<string, string> = { ...g.headers }
  if (s3) headers['x-amz-content-sha256'] = createHash('sha256').update(body).digest('hex')
  const unsigned: Unsigned = { method: g.method, path, query: g.query, headers, body }
  return g.presigned ? presign(g.service, unsigned, NOW, 600) : signHeader(g.service, unsigned, NOW)
}

function verify(r: ReceivedRequest): boolean {
  const parsed = parseSigV4(r)
  return parsed.ok && verifySigV4(r, parsed, CREDENTIALS.secretAccessKey, NOW).ok
}

/** Replaces the character at `index` by an alphanumeric one that differs from it in any case. */
function replaceAt(s: string, index: number, pick: number): string {
  const chars = [...s]
  const i = index % chars.length
  const options = 'abcdefghijklmnopqrstuvwxyz0123456789'
    .split('')
    .filter((c) => c !== chars[i]!.toLowerCase())
  chars[i] = options[pick % options.length]!
  return chars.join('')
}

/** The parts of a signed request a single change must break, with that change. */
function mutations(r: ReceivedRequest, signed: readonly string[], s3: boolean) {
  const out: Array<[string, (index: number, pick: number) => ReceivedRequest]> = [
    ['path', (i, p) => ({ ...r, path: replaceAt(r.path, i, p) })],
  ]
  const query = r.query.split('&').filter((q) => q !== '' && !q.startsWith('X-Amz-Signature='))
  if (query.length > 0) {
    out.push([
      'query',
      (i, p) => {
        const pairs = r.query.split('&')
        const k = pairs.findIndex((q) => q === query[i % query.length])
        pairs[k] = replaceAt(pairs[k]!, Math.floor(i / query.length), p)
        return { ...r, query: pairs.join('&') }
      },
    ])
  }
  for (const name of signed) {
    const value = r.headers[name]
    if (typeof value === 'string' && value !== '') {
      out.push([
        `header ${name}`,
        (i, p) => ({ ...r, headers: { ...r.headers, [name]: replaceAt(value, i, p) } }),
      ])
    }
  }
  if (r.body.length > 0 && (!s3 || /^[0-9a-f]{64}$/.test(String(r.headers['x-amz-content-sha256'])))) {
    out.push([
      'body',
      (i) => {
        const body = new Uint8Array(r.body)
        body[i % body.length]! ^= 1
        return { ...r, body }
      },
    ])
  }
  return out
}

describe('sigv4 property: requests signed by @smithy/signature-v4', () => {
  it('verify, and a single changed byte in any signed part is refused', async () => {
    await fc.assert(
      fc.asyncProperty(request, fc.nat(), fc.nat(), fc.nat(), async (g, which, index, pick) => {
        const r = await sign(g)
        assert.ok(
          verify(r),
          `a signed request did not verify: ${JSON.stringify({ ...r, body: [...r.body] })}`,
        )
        const parsed = parseSigV4(r)
        assert.ok(parsed.ok)
        const candidates = mutations(r, parsed.signedHeaders, g.service === 's3')
        const [part, mutate] = candidates[which % candidates.length]!
        const altered = mutate(index, pick)
        assert.equal(verify(altered), false, `changing the ${part} went unnoticed`)
      }),
      { numRuns: 200 },
    )
  })
})
