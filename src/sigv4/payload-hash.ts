import { parseQuery } from './canonical-request.js'
import { fail, S3_CONTENT_SHA256_VALUES, type SigV4Failure } from './errors.js'
import { sha256Hex } from './hash.js'
import type { ParsedAuth } from './parsed-auth.js'
import { headerValue, type ReceivedRequest } from './request.js'

/** The literal `x-amz-content-sha256` values S3 accepts besides a hex digest. */
export const S3_PAYLOAD_LITERALS: ReadonlySet<string> = new Set([
  'UNSIGNED-PAYLOAD',
  'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER',
])

const HEX_DIGEST = /^[0-9a-fA-F]{64}$/

/**
 * The payload hash that ends the canonical request. Other services always hash the body received,
 * so a body cannot be swapped under a signed `x-amz-content-sha256`. S3 signs the header's value:
 * required with the Authorization header; a presigned URL may carry it in the query
 * (the SDK hoists `x-amz-content-sha256` there), else it is `UNSIGNED-PAYLOAD`.
 */
export function payloadHash(request: ReceivedRequest, parsed: ParsedAuth): string | SigV4Failure {
  if (!parsed.s3) return sha256Hex(request.body)
  const hoisted =
    parsed.mechanism === 'query'
      ? parseQuery(request.query).find(([name]) => name.toLowerCase() === 'x-amz-content-sha256')?.[1]
      : undefined
  const value = (hoisted ?? headerValue(request, 'x-amz-content-sha256'))?.trim()
  if (value === undefined || value === '') {
    if (parsed.mechanism === 'query') return 'UNSIGNED-PAYLOAD'
    return fail('InvalidRequest', 400, 'Missing required header for this request: x-amz-content-sha256')
  }
  if (S3_PAYLOAD_LITERALS.has(value) || HEX_DIGEST.test(value)) return value
  return fail('InvalidArgument', 400, S3_CONTENT_SHA256_VALUES)
}

/** AWS S3: the body does not hash to the signed `x-amz-content-sha256`. */
export function checkS3Body(request: ReceivedRequest, signedHash: string): SigV4Failure | undefined {
  if (!HEX_DIGEST.test(signedHash) || sha256Hex(request.body) === signedHash.toLowerCase()) return undefined
  return fail(
    'XAmzContentSHA256Mismatch',
    400,
    "The provided 'x-amz-content-sha256' header does not match what was computed.",
  )
}
