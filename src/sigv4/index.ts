export { formatAmzDate, parseAmzDate } from './amz-date.js'
export type { AwsChunkedContext, AwsChunkedMode, AwsChunkedOptions, AwsChunkedResult } from './aws-chunked.js'
export { decodeAwsChunked } from './aws-chunked.js'
export type { CanonicalRequestInput, UriRules } from './canonical-request.js'
export {
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  DEFAULT_URI_RULES,
  normalizePath,
  S3_URI_RULES,
} from './canonical-request.js'
export type { ChecksumAlgorithm } from './checksum.js'
export { checkChecksums, checksumOf } from './checksum.js'
export {
  canonicalTrailers,
  chunkSignature,
  chunkStringToSign,
  trailerStringToSign,
} from './chunk-signature.js'
export { expiredSessionToken, invalidSessionToken, unknownAccessKey } from './credential-errors.js'
export type { SigV4ErrorCode, SigV4Failure } from './errors.js'
export { EMPTY_SHA256, sha256Hex } from './hash.js'
export { parseSigV4 } from './parse.js'
export type { AuthMechanism, ParsedAuth, ParseOptions } from './parsed-auth.js'
export type { CredentialScope, ReceivedRequest } from './request.js'
export { formatScope } from './request.js'
export type { ScopeExpectations } from './scope-check.js'
export { deriveSigningKey, SigningKeyCache, signatureOf } from './signing-key.js'
export { ALGORITHM, stringToSign } from './string-to-sign.js'
export type { VerifiedRequest, VerifyOptions, VerifyResult } from './verify.js'
export { verifySigV4 } from './verify.js'
