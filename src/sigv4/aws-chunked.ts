import { canonicalTrailers, chunkSignature, trailerStringToSign } from './chunk-signature.js'
import { fail, S3_SIGNATURE_MISMATCH, type SigV4Failure } from './errors.js'
import { signaturesEqual } from './hash.js'
import { signatureOf } from './signing-key.js'

/** The `x-amz-content-sha256` values that announce an aws-chunked body. */
export type AwsChunkedMode =
  | 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD'
  | 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER'
  | 'STREAMING-UNSIGNED-PAYLOAD-TRAILER'

/** What checking chunk signatures needs; `verifySigV4` returns it for streaming S3 requests. */
export interface AwsChunkedContext {
  readonly mode: AwsChunkedMode
  /** The request's own signature, which the first chunk's signature chains from. */
  readonly seedSignature?: string
  readonly signingKey?: Uint8Array
  /** The credential scope, `date/region/service/aws4_request`. */
  readonly scope?: string
  /** The request's `X-Amz-Date`. */
  readonly datetime?: string
}

/** Options of `decodeAwsChunked`. */
export interface AwsChunkedOptions extends AwsChunkedContext {
  /** Trailer names announced by `x-amz-trailer`; each must arrive. */
  readonly trailerNames?: readonly string[]
  /** `x-amz-decoded-content-length`, when sent. */
  readonly decodedContentLength?: number
  /** AWS S3: every signed chunk but the last carries at least 8192 bytes. */
  readonly minChunkSize?: number
}

/** A decoded aws-chunked body. */
export interface AwsChunkedResult {
  readonly ok: true
  readonly payload: Uint8Array
  /** Trailing headers by lower-case name, without `x-amz-trailer-signature`. */
  readonly trailers: Readonly<Record<string, string>>
}

const incomplete = (): SigV4Failure => fail('IncompleteBody', 400, 'The request body terminated unexpectedly')
const badTrailer = (): SigV4Failure =>
  fail(
    'MalformedTrailerError',
    400,
    'The request contained trailing data that was not well-formed or did not conform to our published schema.',
  )
const mismatch = (): SigV4Failure => fail('SignatureDoesNotMatch', 403, S3_SIGNATURE_MISMATCH)

/** Finds the next CRLF at or after `from`; -1 when there is none. */
function crlf(body: Uint8Array, from: number): number {
  for (let i = from; i + 1 < body.length; i++) if (body[i] === 0x0d && body[i + 1] === 0x0a) return i
  return -1
}

const latin1 = new TextDecoder('latin1')

/**
 * Decodes an S3 aws-chunked body (`<hex-size>[;chunk-signature=<sig>]\r\n<data>\r\n` … `0…\r\n`,
 * then trailing headers and a blank line), checking every chunk signature along the chain and the
 * trailer signature in the signed modes.
 */
export function decodeAwsChunked(
  body: Uint8Array,
  options: AwsChunkedOptions,
): AwsChunkedResult | SigV4Failure {
  const signed = options.mode !== 'STREAMING-UNSIGNED-PAYLOAD-TRAILER'
  const withTrailer = options.mode.endsWith('-TRAILER')
  const { signingKey, scope, datetime } = options
  if (signed && (signingKey === undefined || scope === undefined || datetime === undefined)) return mismatch()
  let previous = options.seedSignature ?? ''
  const parts: Uint8Array[] = []
  const sizes: number[] = []
  let at = 0
  for (;;) {
    const end = crlf(body, at)
    if (end < 0) return incomplete()
    const [sizeText = '', ...extensions] = latin1.decode(body.subarray(at, end)).split(';')
    if (!/^[0-9a-fA-F]{1,16}$/.test(sizeText.trim())) return incomplete()
    const size = Number.parseInt(sizeText.trim(), 16)
    const start = end + 2
    if (start + size > body.length) return incomplete()
    const data = body.subarray(start, start + size)
    if (signed) {
      const given = extensions.map((e) => e.trim()).find((e) => e.startsWith('chunk-signature='))
      if (given === undefined) return mismatch()
      const expected = chunkSignature(signingKey!, datetime!, scope!, previous, data)
      if (!signaturesEqual(expected, given.slice('chunk-signature='.length))) return mismatch()
      previous = expected
    }
    if (size === 0) {
      at = start
      break
    }
    if (body[start + size] !== 0x0d || body[start + size + 1] !== 0x0a) return incomplete()
    parts.push(data)
    sizes.push(size)
    at = start + size + 2
  }
  const min = options.minChunkSize ?? (signed ? 8192 : 0)
  if (sizes.slice(0, -1).some((size) => size < min)) {
    return fail(
      'InvalidChunkSizeError',
      403,
      `Only the last chunk is allowed to have a size less than ${min} bytes`,
    )
  }

  const trailers: Array<[string, string]> = []
  let trailerSignature: string | undefined
  while (at < body.length) {
    const end = crlf(body, at)
    const line = latin1.decode(body.subarray(at, end < 0 ? body.length : end))
    at = end < 0 ? body.length : end + 2
    if (line === '') {
      // A blank line ends the trailers; one before any trailer is tolerated when trailers follow.
      if (trailers.length === 0 && trailerSignature === undefined && withTrailer && at < body.length) continue
      break
    }
    const colon = line.indexOf(':')
    if (colon <= 0) return badTrailer()
    const name = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    if (name === 'x-amz-trailer-signature') trailerSignature = value
    else trailers.push([name, value])
  }
  if (at < body.length) return incomplete()
  if (!withTrailer && (trailers.length > 0 || trailerSignature !== undefined)) return badTrailer()
  const names = new Set(trailers.map(([name]) => name))
  if ((options.trailerNames ?? []).some((name) => !names.has(name.trim().toLowerCase()))) return badTrailer()
  if (signed && withTrailer) {
    if (trailerSignature === undefined) return mismatch()
    const toSign = trailerStringToSign(datetime!, scope!, previous, canonicalTrailers(trailers))
    if (!signaturesEqual(signatureOf(signingKey!, toSign), trailerSignature)) return mismatch()
  }

  const payload = new Uint8Array(sizes.reduce((a, b) => a + b, 0))
  let offset = 0
  for (const part of parts) {
    payload.set(part, offset)
    offset += part.length
  }
  if (options.decodedContentLength !== undefined && options.decodedContentLength !== payload.length) {
    return fail(
      'IncompleteBody',
      400,
      'You did not provide the number of bytes specified by the Content-Length HTTP header',
    )
  }
  return { ok: true, payload, trailers: Object.fromEntries(trailers) }
}
