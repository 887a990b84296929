import type { ReceivedRequest } from './request.js'
import { canonicalizeEncodedPath, percentDecode, uriEncode } from './uri-encode.js'

/** How a service builds the canonical URI. */
export interface UriRules {
  /** Remove `.` and `..` segments and empty segments (every service but S3). */
  readonly normalize: boolean
  /** Encode the received (already encoded) path once more (every service but S3). */
  readonly doubleEncode: boolean
}

/** The canonical-URI rules of S3: the path as sent, neither normalised nor encoded again. */
export const S3_URI_RULES: UriRules = { normalize: false, doubleEncode: false }
/** The canonical-URI rules of every other service. */
export const DEFAULT_URI_RULES: UriRules = { normalize: true, doubleEncode: true }

/** Removes empty, `.` and `..` segments the way the AWS SDK signers do, keeping a trailing slash. */
export function normalizePath(path: string): string {
  const segments: string[] = []
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') segments.pop()
    else segments.push(segment)
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : ''
  return `/${segments.join('/')}${trailing}`
}

/** The canonical URI of a raw received path. */
export function canonicalUri(rawPath: string, rules: UriRules): string {
  if (rawPath === '/' || rawPath === '') return '/'
  const path = rawPath
  if (!rules.doubleEncode) return canonicalizeEncodedPath(rules.normalize ? normalizePath(path) : path)
  return uriEncode(rules.normalize ? normalizePath(path) : path, true)
}

/** Splits a raw query string into decoded name/value pairs, in order; a name without `=` has value `''`. */
export function parseQuery(query: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  for (const piece of query.split('&')) {
    if (piece === '') continue
    const eq = piece.indexOf('=')
    const name = eq < 0 ? piece : piece.slice(0, eq)
    const value = eq < 0 ? '' : piece.slice(eq + 1)
    pairs.push([percentDecode(name), percentDecode(value)])
  }
  return pairs
}

/** The canonical query string: every pair encoded, sorted by name then value; `omit` names are left out. */
export function canonicalQuery(query: string, omit?: string): string {
  if (query === '') return ''
  const encoded: Array<[string, string]> = []
  for (const [name, value] of parseQuery(query)) {
    if (name !== omit) encoded.push([uriEncode(name), uriEncode(value)])
  }
  encoded.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
  return encoded.map(([n, v]) => `${n}=${v}`).join('&')
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Node reads header bytes as Latin-1, one character per byte, while clients sign the UTF-8 text they
 * sent: a value whose characters are all bytes and that is valid UTF-8 is read back as UTF-8.
 */
function asSent(value: string): string {
  if (!/[\x80-\xff]/.test(value) || /[^\x00-\xff]/.test(value)) return value
  try {
    return utf8.decode(Buffer.from(value, 'latin1'))
  } catch {
    return value
  }
}

/** Whitespace that canonical form changes: any but a single space, or two spaces in a row. */
const UNCANONICAL_SPACE = /[^\S ]| {2}/

/** One value trimmed, each run of whitespace made one space. */
function canonicalText(value: string): string {
  const text = asSent(value).trim()
  return UNCANONICAL_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text
}

/** A header value in canonical form: trimmed, with each run of whitespace made one space. */
export function canonicalHeaderValue(value: string | readonly string[] | undefined): string {
  if (value === undefined) return ''
  if (typeof value === 'string') return canonicalText(value)
  return value.map(canonicalText).join(',')
}

/** The inputs of a canonical request beyond the request itself. */
export interface CanonicalRequestInput {
  /** Lower-case names of the signed headers, in the order the client listed them. */
  readonly signedHeaders: readonly string[]
  /** The payload hash to end the canonical request with. */
  readonly payloadHash: string
  readonly uriRules: UriRules
  /** Presigned requests leave `X-Amz-Signature` out of the canonical query. */
  readonly presigned: boolean
}

/** Builds the SigV4 canonical request of a received request. */
export function canonicalRequest(request: ReceivedRequest, input: CanonicalRequestInput): string {
  const names = [...input.signedHeaders].sort()
  let headers = ''
  for (const name of names) headers += `${name}:${canonicalHeaderValue(request.headers[name])}\n`
  const uri = canonicalUri(request.path, input.uriRules)
  const query = canonicalQuery(request.query, input.presigned ? 'X-Amz-Signature' : undefined)
  return `${request.method.toUpperCase()}\n${uri}\n${query}\n${headers}\n${names.join(';')}\n${input.payloadHash}`
}
