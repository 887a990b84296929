import { parseAuthorizationHeader } from './authorization-header.js'
import { fail, type SigV4Failure, unsigned } from './errors.js'
import type { ParsedAuth, ParseOptions } from './parsed-auth.js'
import { firstParams, PRESIGN_MARKERS, parsePresigned } from './presigned.js'
import { headerValue, type ReceivedRequest } from './request.js'

/** The scope's service as far as it can be read before full parsing; decides S3's rules by default. */
function looksLikeS3(request: ReceivedRequest, params: Map<string, string>): boolean {
  const header = headerValue(request, 'authorization')
  // A scope naming s3 puts `/s3` in the header: most requests are decided without the expression.
  if (header !== undefined && !header.includes('/s3')) return false
  const credential =
    header !== undefined ? /Credential=([^,\s]*)/.exec(header)?.[1] : params.get('X-Amz-Credential')
  return credential?.split('/')[3] === 's3'
}

/**
 * Extracts SigV4 authentication from the Authorization header or the presigned query, or reports
 * that the request is unsigned (a failure with `unsigned: true`). Checks shape only: the scope,
 * the time and the signature are checked by `verifySigV4` once the secret key is known.
 */
export function parseSigV4(request: ReceivedRequest, options: ParseOptions = {}): ParsedAuth | SigV4Failure {
  const params = firstParams(request.query)
  const s3 = options.s3 ?? looksLikeS3(request, params)
  const inHeader = request.headers.authorization !== undefined
  const inQuery = PRESIGN_MARKERS.some((name) => params.has(name))
  if (inHeader && inQuery) {
    return s3
      ? fail(
          'InvalidArgument',
          400,
          'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
        )
      : fail(
          'IncompleteSignature',
          400,
          "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.",
        )
  }
  if (inHeader) return parseAuthorizationHeader(request, s3)
  if (inQuery) return parsePresigned(request, s3)
  return s3
    ? { ok: false, code: 'AccessDenied', status: 403, message: 'Access Denied', unsigned: true }
    : unsigned()
}
