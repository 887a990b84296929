import { formatAmzDate, parseAmzDate, parseHttpDate } from './amz-date.js'
import {
  badCredentialShape,
  badDateFormat,
  fail,
  S3_CREDENTIAL_SHAPE,
  S3_HEADER_MALFORMED,
  type SigV4Failure,
  unsupportedAlgorithm,
} from './errors.js'
import type { ParsedAuth } from './parsed-auth.js'
import { headerValue, type ReceivedRequest } from './request.js'
import { ALGORITHM } from './string-to-sign.js'

const COMPONENTS = ['Credential', 'Signature', 'SignedHeaders'] as const

/** AWS S3: a header that lacks a component or is not `key=value` pairs. */
const s3Malformed = (): SigV4Failure =>
  fail(
    'AuthorizationHeaderMalformed',
    400,
    `${S3_HEADER_MALFORMED}the authorization header requires three components: Credential, SignedHeaders, and Signature.`,
  )

/** AWS S3: no usable request time. */
export const s3NoDate = (): SigV4Failure =>
  fail('AccessDenied', 403, 'AWS authentication requires a valid Date or x-amz-date header')

/** Reads the request time from `X-Amz-Date`, falling back to `Date`, as the header mechanism does. */
function requestTime(request: ReceivedRequest, s3: boolean): { amzDate: string; time: Date } | SigV4Failure {
  const amz = headerValue(request, 'x-amz-date')
  if (amz !== undefined) {
    const time = parseAmzDate(amz.trim())
    if (time === undefined) return s3 ? s3NoDate() : badDateFormat(amz)
    return { amzDate: amz.trim(), time }
  }
  const date = headerValue(request, 'date') ?? ''
  const time = parseHttpDate(date)
  if (time === undefined) return s3 ? s3NoDate() : badDateFormat(date)
  return { amzDate: formatAmzDate(time), time }
}

/** Parses `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`. */
export function parseAuthorizationHeader(request: ReceivedRequest, s3: boolean): ParsedAuth | SigV4Failure {
  const header = headerValue(request, 'authorization') ?? ''
  const space = header.indexOf(' ')
  const algorithm = space < 0 ? header : header.slice(0, space)
  if (algorithm !== ALGORITHM) {
    if (s3) {
      return fail(
        'InvalidRequest',
        400,
        'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
      )
    }
    if (/^AWS\d+-/.test(algorithm)) return unsupportedAlgorithm(algorithm)
  }
  const params = new Map<string, string>()
  if (algorithm === ALGORITHM) {
    // AWS: parameters are separated by commas and by whitespace alike.
    for (const part of header.slice(space + 1).split(/[\s,]+/)) {
      if (part === '') continue
      const eq = part.indexOf('=')
      if (eq < 0) {
        if (s3) return s3Malformed()
        return fail(
          'IncompleteSignature',
          400,
          `'${part}' not a valid key=value pair (missing equal-sign) in Authorization header: '${header}'`,
        )
      }
      params.set(part.slice(0, eq), part.slice(eq + 1))
    }
  }
  const hasDate = request.headers['x-amz-date'] !== undefined || request.headers.date !== undefined
  let missing = ''
  for (const name of COMPONENTS) {
    if (!params.get(name)) missing += `Authorization header requires '${name}' parameter. `
  }
  if (s3 && missing !== '') return s3Malformed()
  if (!hasDate && !s3)
    missing += `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. `
  if (missing !== '') return fail('IncompleteSignature', 400, `${missing}Authorization=${header}`)

  const time = requestTime(request, s3)
  if ('ok' in time) return time
  const credential = params.get('Credential')!
  const parts = credential.split('/')
  if (parts.length !== 5 || parts[0] === '') {
    return s3
      ? fail('AuthorizationHeaderMalformed', 400, `${S3_HEADER_MALFORMED}${S3_CREDENTIAL_SHAPE}`)
      : badCredentialShape(credential)
  }
  const [accessKeyId, date, region, service, terminator] = parts as [string, string, string, string, string]
  const token = headerValue(request, 'x-amz-security-token')
  return {
    ok: true,
    mechanism: 'header',
    accessKeyId,
    credentialScope: credential.slice(accessKeyId.length + 1),
    scope: { date, region, service, terminator },
    signedHeaders: signedHeaderNames(params.get('SignedHeaders')!),
    signature: params.get('Signature')!,
    amzDate: time.amzDate,
    requestTime: time.time,
    ...(token === undefined ? {} : { securityToken: token }),
    s3,
  }
}

/** `SignedHeaders=a;b;c` as lower-case names, in the client's order, empty names left out. */
function signedHeaderNames(list: string): string[] {
  const names: string[] = []
  for (const part of list.split(';')) {
    const name = part.trim().toLowerCase()
    if (name !== '') names.push(name)
  }
  return names
}
