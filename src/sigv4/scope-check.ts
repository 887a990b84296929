import { formatAmzDate } from './amz-date.js'
import { fail, S3_HEADER_MALFORMED, S3_QUERY_MALFORMED, type SigV4Failure } from './errors.js'
import type { ParsedAuth } from './parsed-auth.js'

/** What the endpoint expects of the credential scope; an absent field is not checked. */
export interface ScopeExpectations {
  readonly region?: string
  readonly service?: string
}

/** Checks the credential scope against the request date and the endpoint, with the dialect's texts. */
export function checkScope(parsed: ParsedAuth, expect: ScopeExpectations): SigV4Failure | undefined {
  const { scope, amzDate } = parsed
  const day = amzDate.slice(0, 8)
  if (parsed.s3) {
    const query = parsed.mechanism === 'query'
    const code = query ? 'AuthorizationQueryParametersError' : 'AuthorizationHeaderMalformed'
    const prefix = query ? S3_QUERY_MALFORMED : S3_HEADER_MALFORMED
    if (scope.date !== day) {
      return fail(
        code,
        400,
        `Invalid credential date "${scope.date}". This date is not the same as X-Amz-Date: "${day}".`,
      )
    }
    if (expect.region !== undefined && scope.region !== expect.region) {
      return fail(code, 400, `${prefix}the region '${scope.region}' is wrong; expecting '${expect.region}'`)
    }
    if (expect.service !== undefined && scope.service !== expect.service) {
      return fail(
        code,
        400,
        `${prefix}incorrect service "${scope.service}". This endpoint belongs to "${expect.service}".`,
      )
    }
    if (scope.terminator !== 'aws4_request') {
      return fail(
        code,
        400,
        `${prefix}incorrect terminal "${scope.terminator}". This endpoint uses "aws4_request".`,
      )
    }
    return undefined
  }
  // AWS: the query services report every scope problem at once, in this order.
  const problems: string[] = []
  if (expect.region !== undefined && scope.region !== expect.region) {
    problems.push(`Credential should be scoped to a valid region, not '${scope.region}'.`)
  }
  if (expect.service !== undefined && scope.service !== expect.service) {
    problems.push(`Credential should be scoped to correct service: '${expect.service}'.`)
  }
  if (scope.terminator !== 'aws4_request') {
    problems.push(
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${scope.terminator}'.`,
    )
  }
  if (scope.date !== day) {
    problems.push(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scope.date}' != '${day}', from '${amzDate}'.`,
    )
  }
  return problems.length === 0 ? undefined : fail('SignatureDoesNotMatch', 403, problems.join(' '))
}

/** Checks the request time against `now`: the skew window, and for S3 presigned URLs their expiry. */
export function checkTime(parsed: ParsedAuth, now: Date, skewMinutes = 15): SigV4Failure | undefined {
  const nowMs = Math.floor(now.getTime() / 1000) * 1000
  const t = parsed.requestTime.getTime()
  const window = skewMinutes * 60_000
  if (parsed.s3) {
    if (parsed.mechanism === 'query') {
      if (t > nowMs + window) return fail('AccessDenied', 403, 'Request is not valid yet')
      if (nowMs > t + (parsed.expiresSeconds ?? 0) * 1000)
        return fail('AccessDenied', 403, 'Request has expired')
      return undefined
    }
    if (Math.abs(t - nowMs) > window) {
      return fail(
        'RequestTimeTooSkewed',
        403,
        'The difference between the request time and the current time is too large.',
      )
    }
    return undefined
  }
  const stamp = (ms: number) => formatAmzDate(new Date(ms))
  if (t < nowMs - window) {
    return fail(
      'SignatureDoesNotMatch',
      403,
      `Signature expired: ${parsed.amzDate} is now earlier than ${stamp(nowMs - window)} (${stamp(nowMs)} - ${skewMinutes} min.)`,
    )
  }
  if (t > nowMs + window) {
    return fail(
      'SignatureDoesNotMatch',
      403,
      `Signature not yet current: ${parsed.amzDate} is still later than ${stamp(nowMs + window)} (${stamp(nowMs)} + ${skewMinutes} min.)`,
    )
  }
  return undefined
}
