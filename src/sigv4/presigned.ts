import { parseAmzDate } from './amz-date.js'
import { parseQuery } from './canonical-request.js'
import {
  badCredentialShape,
  badDateFormat,
  fail,
  S3_CREDENTIAL_SHAPE,
  S3_QUERY_MALFORMED,
  type SigV4Failure,
  unsupportedAlgorithm,
} from './errors.js'
import type { ParsedAuth } from './parsed-auth.js'
import type { ReceivedRequest } from './request.js'
import { ALGORITHM } from './string-to-sign.js'

/** The query parameters that mark query-string (presigned) authentication. */
export const PRESIGN_MARKERS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature'] as const

/** AWS S3: the longest X-Amz-Expires it accepts, seven days. */
export const MAX_EXPIRES_SECONDS = 604800

const REQUIRED = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Signature',
  'X-Amz-SignedHeaders',
  'X-Amz-Date',
]

const queryError = (message: string): SigV4Failure => fail('AuthorizationQueryParametersError', 400, message)

/** The first value of each query parameter, decoded. */
export function firstParams(query: string): Map<string, string> {
  const params = new Map<string, string>()
  if (query === '') return params
  for (const [name, value] of parseQuery(query)) if (!params.has(name)) params.set(name, value)
  return params
}

/** AWS S3: checks X-Amz-Expires; returns seconds or the error S3 gives. */
function s3Expires(text: string): number | SigV4Failure {
  if (!/^-?\d+$/.test(text)) return queryError('X-Amz-Expires should be a number')
  const seconds = Number(text)
  if (seconds < 0) return queryError('X-Amz-Expires must be non-negative')
  if (seconds > MAX_EXPIRES_SECONDS) {
    return queryError(
      `X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than ${MAX_EXPIRES_SECONDS} seconds`,
    )
  }
  return seconds
}

/** Parses query-string authentication: `X-Amz-Algorithm`, `X-Amz-Credential`, `X-Amz-Date`, … */
export function parsePresigned(request: ReceivedRequest, s3: boolean): ParsedAuth | SigV4Failure {
  const params = firstParams(request.query)
  const algorithm = params.get('X-Amz-Algorithm')
  if (s3) {
    if (algorithm !== undefined && algorithm !== ALGORITHM) {
      return queryError(`X-Amz-Algorithm only supports "${ALGORITHM}"`)
    }
    if ([...REQUIRED, 'X-Amz-Expires'].some((name) => !params.get(name))) {
      return queryError(
        'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
      )
    }
  } else {
    const missing = REQUIRED.filter((name) => !params.get(name))
    if (missing.length > 0) {
      const text = missing.map((name) => `AWS query-string parameters must include '${name}'. `).join('')
      return fail('IncompleteSignature', 400, `${text}Re-examine the query-string parameters.`)
    }
    if (algorithm !== ALGORITHM) return unsupportedAlgorithm(algorithm!)
  }
  const amzDate = params.get('X-Amz-Date')!
  const requestTime = parseAmzDate(amzDate)
  if (requestTime === undefined) {
    return s3
      ? queryError(`X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`)
      : badDateFormat(amzDate)
  }
  const credential = params.get('X-Amz-Credential')!
  const parts = credential.split('/')
  if (parts.length !== 5 || parts[0] === '') {
    return s3 ? queryError(`${S3_QUERY_MALFORMED}${S3_CREDENTIAL_SHAPE}`) : badCredentialShape(credential)
  }
  let expiresSeconds: number | undefined
  const expires = params.get('X-Amz-Expires')
  if (s3) {
    const checked = s3Expires(expires!)
    if (typeof checked !== 'number') return checked
    expiresSeconds = checked
  } else if (expires !== undefined && /^\d+$/.test(expires)) expiresSeconds = Number(expires)
  const [accessKeyId, date, region, service, terminator] = parts as [string, string, string, string, string]
  const token = params.get('X-Amz-Security-Token')
  return {
    ok: true,
    mechanism: 'query',
    accessKeyId,
    credentialScope: parts.slice(1).join('/'),
    scope: { date, region, service, terminator },
    signedHeaders: params
      .get('X-Amz-SignedHeaders')!
      .split(';')
      .map((h) => h.trim().toLowerCase())
      .filter((h) => h !== ''),
    signature: params.get('X-Amz-Signature')!,
    amzDate,
    requestTime,
    ...(token === undefined ? {} : { securityToken: token }),
    ...(expiresSeconds === undefined ? {} : { expiresSeconds }),
    s3,
  }
}
