/**
 * A request as the server received it, before any decoding: what SigV4 verification reads.
 * Header names are lower-case. A header sent more than once is either joined the way Node joins
 * it (`a, b`) or, for an exact canonical form, given as the list of its values
 * (Node's `req.headersDistinct`).
 */
export interface ReceivedRequest {
  /** HTTP method, as sent. */
  readonly method: string
  /** The path exactly as received: raw, not percent-decoded, without the query. */
  readonly path: string
  /** The raw query string, without the leading `?`. */
  readonly query: string
  /** Lower-cased header names to their values. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>
  /** The body bytes as received. */
  readonly body: Uint8Array
}

/** The `date/region/service/terminator` part of a SigV4 credential. */
export interface CredentialScope {
  /** `YYYYMMDD`. */
  readonly date: string
  /** Region the client signed for. */
  readonly region: string
  /** Signing name of the service, e.g. `sts`, `iam`, `s3`. */
  readonly service: string
  /** Always `aws4_request` in a valid scope. */
  readonly terminator: string
}

/** Formats a scope as `date/region/service/terminator`. */
export function formatScope(scope: CredentialScope): string {
  return `${scope.date}/${scope.region}/${scope.service}/${scope.terminator}`
}

/** Reads one header as a single string: list values joined with `,`, or `undefined` when absent. */
export function headerValue(request: ReceivedRequest, name: string): string | undefined {
  const value = request.headers[name]
  if (value === undefined) return undefined
  return typeof value === 'string' ? value : value.join(',')
}
