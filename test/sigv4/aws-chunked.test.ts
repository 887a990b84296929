import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { crc32 } from 'node:zlib'
import {
  type AwsChunkedContext,
  canonicalTrailers,
  decodeAwsChunked,
  parseSigV4,
  trailerStringToSign,
  verifySigV4,
} from '../../src/sigv4/index.js'
import { type CaseRequest, loadFolder, received } from './cases.js'
import { CREDENTIALS, signer, signHeader } from './smithy.js'

interface ChunkedCase {
  name: string
  credentials: { secretAccessKey: string }
  now: string
  request: CaseRequest
  chunks: Array<{ size: number; fill?: string; signature: string }>
  trailers: string[]
  trailerSignature?: string
  expected: { payloadLength: number; contentLength?: number; trailers: Record<string, string> }
}

const ascii = (text: string) => new TextEncoder().encode(text)

/** Frames chunks the aws-chunked way; `signatures` omitted for the unsigned form. */
function frame(
  chunks: Array<{ data: Uint8Array; signature?: string }>,
  trailerLines: string[] = [],
): Uint8Array {
  const parts: Uint8Array[] = []
  for (const { data, signature } of chunks) {
    parts.push(
      ascii(
        `${data.length.toString(16)}${signature === undefined ? '' : `;chunk-signature=${signature}`}\r\n`,
      ),
    )
    if (data.length > 0) parts.push(data, ascii('\r\n'))
  }
  for (const line of trailerLines) parts.push(ascii(`${line}\r\n`))
  parts.push(ascii('\r\n'))
  return Buffer.concat(parts)
}

function contextOf(c: ChunkedCase): AwsChunkedContext {
  const request = received({ request: c.request })
  const parsed = parseSigV4(request)
  assert.ok(parsed.ok)
  const verified = verifySigV4(request, parsed, c.credentials.secretAccessKey, new Date(c.now))
  assert.ok(verified.ok, JSON.stringify(verified))
  assert.ok(verified.chunked, 'a streaming request yields a chunked context')
  return verified.chunked
}

describe('aws-chunked: the S3 documentation examples', () => {
  for (const { data: c } of loadFolder<ChunkedCase>('chunked')) {
    const trailerLines = [
      ...c.trailers,
      ...(c.trailerSignature ? [`x-amz-trailer-signature:${c.trailerSignature}`] : []),
    ]
    const chunks = c.chunks.map((k) => ({
      data: ascii((k.fill ?? '').repeat(k.size)),
      signature: k.signature,
    }))
    const options = () => ({
      ...contextOf(c),
      decodedContentLength: Number(c.request.headers['x-amz-decoded-content-length']),
      trailerNames: c.request.headers['x-amz-trailer'] ? [String(c.request.headers['x-amz-trailer'])] : [],
    })

    it(`${c.name}: every chunk signature checks out along the chain`, () => {
      const body = frame(chunks, trailerLines)
      if (c.expected.contentLength !== undefined) assert.equal(body.length, c.expected.contentLength)
      const result = decodeAwsChunked(body, options())
      assert.ok(result.ok, JSON.stringify(result))
      assert.equal(result.payload.length, c.expected.payloadLength)
      assert.ok(result.payload.every((b) => b === 0x61))
      assert.deepEqual(result.trailers, c.expected.trailers)
    })

    it(`${c.name}: a changed byte, a reordered chain or a dropped chunk is refused`, () => {
      const body = frame(chunks, trailerLines)
      body[60_000] = 0x62
      assert.equal((decodeAwsChunked(body, options()) as { code?: string }).code, 'SignatureDoesNotMatch')
      const swapped = [chunks[1]!, chunks[0]!, chunks[2]!]
      assert.equal(
        decodeAwsChunked(frame(swapped, trailerLines), { ...options(), minChunkSize: 0 }).ok,
        false,
      )
      assert.equal(decodeAwsChunked(frame([chunks[0]!, chunks[2]!], trailerLines), options()).ok, false)
      if (c.trailers.length > 0) {
        const forged = [...trailerLines]
        forged[0] = `${c.trailers[0]!.slice(0, -2)}A=`
        assert.equal(
          (decodeAwsChunked(frame(chunks, forged), options()) as { code?: string }).code,
          'SignatureDoesNotMatch',
        )
        assert.equal(decodeAwsChunked(frame(chunks, c.trailers), options()).ok, false)
      }
    })
  }
})

describe('aws-chunked: a body signed by @smithy/signature-v4', () => {
  it('round-trips: seed signature from the SDK signer, chunk signatures from its event signing', async () => {
    const when = new Date('2026-03-01T10:00:00Z')
    const payload = new Uint8Array(20_000).map((_, i) => (i * 7) % 251)
    const headers = {
      'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
      'content-encoding': 'aws-chunked',
      'x-amz-decoded-content-length': String(payload.length),
    }
    const request = await signHeader('s3', { method: 'PUT', path: '/bucket/object', headers }, when)
    const seed = /Signature=([0-9a-f]{64})/.exec(String(request.headers.authorization))![1]!
    const sdk = signer('s3')
    const pieces = [
      payload.subarray(0, 8192),
      payload.subarray(8192, 16384),
      payload.subarray(16384),
      new Uint8Array(),
    ]
    const chunks: Array<{ data: Uint8Array; signature: string }> = []
    let prior = seed
    for (const data of pieces) {
      prior = await sdk.sign(
        { headers: new Uint8Array(), payload: data },
        { signingDate: when, priorSignature: prior },
      )
      chunks.push({ data, signature: prior })
    }
    const parsed = parseSigV4(request)
    assert.ok(parsed.ok)
    const verified = verifySigV4(
      { ...request, body: frame(chunks) },
      parsed,
      CREDENTIALS.secretAccessKey,
      when,
    )
    assert.ok(verified.ok && verified.chunked)
    const result = decodeAwsChunked(frame(chunks), {
      ...verified.chunked,
      decodedContentLength: payload.length,
    })
    assert.ok(result.ok, JSON.stringify(result))
    assert.deepEqual(result.payload, payload)

    const trailer = [['x-amz-checksum-crc32', 'AAAAAA=='] as const]
    const trailerSignature = await sdk.sign(
      trailerStringToSign(parsed.amzDate, parsed.credentialScope, prior, canonicalTrailers(trailer)),
      { signingDate: when },
    )
    const withTrailer = frame(chunks, [
      'x-amz-checksum-crc32:AAAAAA==',
      `x-amz-trailer-signature:${trailerSignature}`,
    ])
    const mode = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER' as const
    const decoded = decodeAwsChunked(withTrailer, {
      ...verified.chunked,
      mode,
      trailerNames: ['x-amz-checksum-crc32'],
    })
    assert.ok(decoded.ok, JSON.stringify(decoded))
    assert.deepEqual(decoded.trailers, { 'x-amz-checksum-crc32': 'AAAAAA==' })

    // AWS: every signed chunk but the last carries at least 8192 bytes.
    const small: Array<{ data: Uint8Array; signature: string }> = []
    prior = seed
    for (const data of [payload.subarray(0, 100), payload.subarray(100, 200), new Uint8Array()]) {
      prior = await sdk.sign(
        { headers: new Uint8Array(), payload: data },
        { signingDate: when, priorSignature: prior },
      )
      small.push({ data, signature: prior })
    }
    const refused = decodeAwsChunked(frame(small), verified.chunked)
    assert.equal(!refused.ok && refused.code, 'InvalidChunkSizeError')
    assert.equal(
      !refused.ok && refused.message,
      'Only the last chunk is allowed to have a size less than 8192 bytes',
    )
    assert.ok(decodeAwsChunked(frame(small), { ...verified.chunked, minChunkSize: 0 }).ok)
  })
})

describe('aws-chunked: STREAMING-UNSIGNED-PAYLOAD-TRAILER, as the SDK sends flexible checksums', () => {
  const data = ascii('Hello, aws-chunked world!')
  const checksum = Buffer.alloc(4)
  checksum.writeUInt32BE(crc32(data))
  const line = `x-amz-checksum-crc32:${checksum.toString('base64')}`
  const mode = 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' as const

  it('decodes the payload and the checksum trailer', () => {
    const result = decodeAwsChunked(frame([{ data }, { data: new Uint8Array() }], [line]), {
      mode,
      trailerNames: ['x-amz-checksum-crc32'],
      decodedContentLength: data.length,
    })
    assert.ok(result.ok, JSON.stringify(result))
    assert.deepEqual(Buffer.from(result.payload), Buffer.from(data))
    assert.equal(result.trailers['x-amz-checksum-crc32'], checksum.toString('base64'))
  })

  it('refuses a missing announced trailer, a truncated body and a wrong decoded length', () => {
    const body = frame([{ data }, { data: new Uint8Array() }], [line])
    const missing = decodeAwsChunked(frame([{ data }, { data: new Uint8Array() }]), {
      mode,
      trailerNames: ['x-amz-checksum-crc32'],
    })
    assert.equal(!missing.ok && missing.code, 'MalformedTrailerError')
    const cut = decodeAwsChunked(body.subarray(0, 20), { mode })
    assert.equal(!cut.ok && cut.code, 'IncompleteBody')
    const length = decodeAwsChunked(body, { mode, decodedContentLength: data.length + 1 })
    assert.equal(!length.ok && length.code, 'IncompleteBody')
    const garbage = decodeAwsChunked(ascii('zz\r\n'), { mode })
    assert.equal(!garbage.ok && garbage.code, 'IncompleteBody')
  })
})
