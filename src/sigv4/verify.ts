import type { AwsChunkedContext, AwsChunkedMode } from './aws-chunked.js'
import { canonicalRequest, DEFAULT_URI_RULES, S3_URI_RULES, type UriRules } from './canonical-request.js'
import { fail, S3_SIGNATURE_MISMATCH, SIGNATURE_MISMATCH, type SigV4Failure } from './errors.js'
import { signaturesEqual } from './hash.js'
import type { AuthMechanism, ParsedAuth } from './parsed-auth.js'
import { checkS3Body, payloadHash } from './payload-hash.js'
import type { CredentialScope, ReceivedRequest } from './request.js'
import { checkScope, checkTime, type ScopeExpectations } from './scope-check.js'
import { deriveSigningKey, type SigningKeyCache, signatureOf } from './signing-key.js'
import { stringToSign } from './string-to-sign.js'

/** What the endpoint expects beyond the signature itself. */
export interface VerifyOptions extends ScopeExpectations {
  /** Allowed clock skew in minutes; AWS: 15 for IAM, STS and S3. */
  readonly skewMinutes?: number
  /** Canonical-URI rules; by default S3's for S3 requests and the normalising, double-encoding ones otherwise. */
  readonly uriRules?: UriRules
}

/** A request whose signature checked out. */
export interface VerifiedRequest {
  readonly ok: true
  readonly mechanism: AuthMechanism
  readonly accessKeyId: string
  readonly scope: CredentialScope
  readonly credentialScope: string
  readonly signedHeaders: readonly string[]
  readonly securityToken?: string
  readonly requestTime: Date
  /** The payload hash that was signed: a hex digest, `UNSIGNED-PAYLOAD` or a `STREAMING-…` literal. */
  readonly payloadHash: string
  /** Present for S3 aws-chunked bodies: what `decodeAwsChunked` needs to check every chunk. */
  readonly chunked?: AwsChunkedContext
}

/** The outcome of `verifySigV4`. */
export type VerifyResult = VerifiedRequest | SigV4Failure

const STREAMING: ReadonlySet<string> = new Set([
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
  'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
])

/** AWS: a signature that does not cover the Host header is refused before any computation. */
const hostNotSigned = (): SigV4Failure =>
  fail(
    'SignatureDoesNotMatch',
    403,
    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
  )

/**
 * Verifies a parsed SigV4 request with the secret key of its access key id, at time `now`:
 * the scope, the clock skew (or the presigned expiry), then the signature in constant time.
 * Never throws; the failure carries AWS's code, status and message.
 */
export function verifySigV4(
  request: ReceivedRequest,
  parsed: ParsedAuth,
  secretAccessKey: string,
  now: Date,
  cache?: SigningKeyCache,
  options: VerifyOptions = {},
): VerifyResult {
  if (!parsed.signedHeaders.includes('host') && !parsed.signedHeaders.includes(':authority')) {
    return hostNotSigned()
  }
  const scopeProblem = checkScope(parsed, options)
  if (scopeProblem !== undefined) return scopeProblem
  const timeProblem = checkTime(parsed, now, options.skewMinutes)
  if (timeProblem !== undefined) return timeProblem
  const hash = payloadHash(request, parsed)
  if (typeof hash !== 'string') return hash

  const canonical = canonicalRequest(request, {
    signedHeaders: parsed.signedHeaders,
    payloadHash: hash,
    uriRules: options.uriRules ?? (parsed.s3 ? S3_URI_RULES : DEFAULT_URI_RULES),
    presigned: parsed.mechanism === 'query',
  })
  const toSign = stringToSign(parsed.amzDate, parsed.credentialScope, canonical)
  const { date, region, service } = parsed.scope
  const key = cache
    ? cache.get(secretAccessKey, date, region, service)
    : deriveSigningKey(secretAccessKey, date, region, service)
  const expected = signatureOf(key, toSign)
  if (!signaturesEqual(expected, parsed.signature)) {
    return {
      ok: false,
      code: 'SignatureDoesNotMatch',
      status: 403,
      message: parsed.s3 ? S3_SIGNATURE_MISMATCH : SIGNATURE_MISMATCH,
      canonicalRequest: canonical,
      stringToSign: toSign,
    }
  }
  const streaming = parsed.s3 && STREAMING.has(hash)
  if (parsed.s3 && !streaming) {
    const bodyProblem = checkS3Body(request, hash)
    if (bodyProblem !== undefined) return bodyProblem
  }
  return {
    ok: true,
    mechanism: parsed.mechanism,
    accessKeyId: parsed.accessKeyId,
    scope: parsed.scope,
    credentialScope: parsed.credentialScope,
    signedHeaders: parsed.signedHeaders,
    ...(parsed.securityToken === undefined ? {} : { securityToken: parsed.securityToken }),
    requestTime: parsed.requestTime,
    payloadHash: hash,
    ...(streaming
      ? {
          chunked: {
            mode: hash as AwsChunkedMode,
            seedSignature: parsed.signature,
            signingKey: key,
            scope: parsed.credentialScope,
            datetime: parsed.amzDate,
          },
        }
      : {}),
  }
}
