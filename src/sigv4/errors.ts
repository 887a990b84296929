/** The error codes SigV4 verification can answer with. */
export type SigV4ErrorCode =
  | 'MissingAuthenticationToken'
  | 'IncompleteSignature'
  | 'SignatureDoesNotMatch'
  | 'AccessDenied'
  | 'RequestTimeTooSkewed'
  | 'AuthorizationHeaderMalformed'
  | 'AuthorizationQueryParametersError'
  | 'InvalidArgument'
  | 'InvalidRequest'
  | 'XAmzContentSHA256Mismatch'
  | 'IncompleteBody'
  | 'InvalidChunkSizeError'
  | 'MalformedTrailerError'
  | 'BadDigest'
  | 'InvalidClientTokenId'
  | 'InvalidAccessKeyId'
  | 'InvalidToken'
  | 'ExpiredToken'

/** A refused request: AWS's code, HTTP status and message, plus what S3 echoes on a mismatch. */
export interface SigV4Failure {
  readonly ok: false
  readonly code: SigV4ErrorCode
  readonly status: number
  readonly message: string
  /** Set when the request carried no SigV4 authentication at all; the server decides what that means. */
  readonly unsigned?: true
  /** On SignatureDoesNotMatch: what the server computed (S3 returns both in its error body). */
  readonly canonicalRequest?: string
  readonly stringToSign?: string
}

/** Builds a failure value. */
export function fail(code: SigV4ErrorCode, status: number, message: string): SigV4Failure {
  return { ok: false, code, status, message }
}

/** AWS: the query services' text for a wrong signature. */
export const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'

/** AWS: S3's text for a wrong signature. */
export const S3_SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your key and signing method.'

/** AWS: a request without Authorization header or query authentication, for the query services. */
export const unsigned = (): SigV4Failure => ({
  ok: false,
  code: 'MissingAuthenticationToken',
  status: 403,
  message: 'Request is missing Authentication Token',
  unsigned: true,
})

/** AWS: the `X-Amz-Date` (or `Date`) value is not ISO-8601 basic format. */
export const badDateFormat = (value: string): SigV4Failure =>
  fail(
    'IncompleteSignature',
    400,
    `Date must be in ISO-8601 'basic format'. Got '${value}'. See http://en.wikipedia.org/wiki/ISO_8601`,
  )

/** AWS: the credential does not have five `/`-separated parts. */
export const badCredentialShape = (credential: string): SigV4Failure =>
  fail(
    'IncompleteSignature',
    400,
    `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
  )

/** AWS: an algorithm other than AWS4-HMAC-SHA256. */
export const unsupportedAlgorithm = (algorithm: string): SigV4Failure =>
  fail('IncompleteSignature', 400, `Unsupported AWS 'algorithm': '${algorithm}'.`)

/** S3's credential-shape complaint, for the header and for the query. */
export const S3_CREDENTIAL_SHAPE = `the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".`

/** S3: the prefix of header-auth problems and of query-auth problems. */
export const S3_HEADER_MALFORMED = 'The authorization header is malformed; '
export const S3_QUERY_MALFORMED = 'Error parsing the X-Amz-Credential parameter; '

/** AWS S3: every form `x-amz-content-sha256` may take. */
export const S3_CONTENT_SHA256_VALUES =
  'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.'
