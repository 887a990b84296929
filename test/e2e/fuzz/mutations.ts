import fc from 'fast-check'
import { nastyText } from './form-bodies.js'
import type { FuzzRequest } from './send.js'

/** A change made to a signed request after signing; each one breaks the signature or the HTTP framing. */
export type Mutation =
  | { readonly kind: 'none' }
  | { readonly kind: 'method'; readonly method: string }
  | { readonly kind: 'body'; readonly body: Uint8Array; readonly mode: 'replace' | 'append' }
  | { readonly kind: 'truncate-body'; readonly at: number }
  | { readonly kind: 'set-header'; readonly name: string; readonly value: string }
  | { readonly kind: 'drop-header'; readonly name: string }
  | { readonly kind: 'duplicate-header'; readonly name: string }
  | { readonly kind: 'authorization'; readonly edit: AuthorizationEdit }
  | { readonly kind: 'query'; readonly query: string }
  | { readonly kind: 'giant-content-length'; readonly length: string }
  | { readonly kind: 'raw'; readonly bytes: string }

type AuthorizationEdit =
  | { readonly op: 'truncate'; readonly at: number }
  | {
      readonly op: 'replace-part'
      readonly part: 'Credential' | 'SignedHeaders' | 'Signature'
      readonly value: string
    }
  | { readonly op: 'flip-signature' }
  | { readonly op: 'splice'; readonly at: number; readonly text: string }

const latin1 = (maxLength: number) =>
  fc.string({
    maxLength,
    unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c === 0x7f ? 0x20 : c)),
  })

const headerName = fc.constantFrom(
  'authorization',
  'x-amz-date',
  'content-type',
  'host',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'content-encoding',
  'x-amz-target',
  'date',
)

const amzDate = fc.oneof(
  fc.constantFrom(
    '',
    '20261340T256161Z',
    '19700101T000000Z',
    '99991231T235959Z',
    '2026-01-01T00:00:00Z',
    'now',
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().replace(/[-:]|\.\d{3}/g, '')),
  latin1(30),
)

const credentialPart = fc.oneof(
  fc.constantFrom(
    'AKIA/20260101/us-east-1/sts',
    'x//////',
    '/',
    'AKIAAAAAAAAAAAAAAAAA/20261128/us-east-1/nosuch/aws4_request',
  ),
  latin1(80),
)

const authorizationEdit: fc.Arbitrary<AuthorizationEdit> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat(300) }),
  fc.record({
    op: fc.constant('replace-part' as const),
    part: fc.constantFrom('Credential' as const, 'SignedHeaders' as const, 'Signature' as const),
    value: fc.oneof(credentialPart, fc.constantFrom('', 'host;;x-amz-date', ';', 'HOST'), latin1(100)),
  }),
  fc.record({ op: fc.constant('flip-signature' as const) }),
  fc.record({
    op: fc.constant('splice' as const),
    at: fc.nat(300),
    text: fc.oneof(latin1(20), fc.constantFrom(',', ' ', '=', ', ,')),
  }),
)

const rawRequest = fc.oneof(
  fc
    .integer({ min: 17_000, max: 100_000 })
    .map((n) => `POST / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(n)}\r\n\r\n`),
  fc.constantFrom(
    'GARBAGE\r\n\r\n',
    'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
    'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n\r\n',
    'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello',
    'POST / HTTP/1.1\r\nHost: x\r\nX-Nul: a\0b\r\n\r\n',
    'POST /\0 HTTP/1.1\r\nHost: x\r\n\r\n',
    'POST / HTTP/9.9\r\nHost: x\r\n\r\n',
  ),
  latin1(200).map((junk) => `POST / HTTP/1.1\r\nHost: x\r\n${junk}\r\n\r\n`),
)

/** Every kind of mutation, with its parameters. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('none' as const) }),
  fc.record({
    kind: fc.constant('method' as const),
    method: fc.constantFrom('HEAD', 'PUT', 'DELETE', 'GET', 'PATCH', 'OPTIONS'),
  }),
  fc.record({
    kind: fc.constant('body' as const),
    body: fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      nastyText(200).map((s) => new TextEncoder().encode(s)),
    ),
    mode: fc.constantFrom('replace' as const, 'append' as const),
  }),
  fc.record({ kind: fc.constant('truncate-body' as const), at: fc.nat(60) }),
  fc.record({
    kind: fc.constant('set-header' as const),
    name: headerName,
    value: fc.oneof(
      latin1(100),
      amzDate,
      fc.integer({ min: 1, max: 15_000 }).map((n) => 'v'.repeat(n)),
    ),
  }),
  fc.record({ kind: fc.constant('drop-header' as const), name: headerName }),
  // node:http will not send two Host headers; the raw cases cover that.
  fc.record({ kind: fc.constant('duplicate-header' as const), name: headerName.filter((n) => n !== 'host') }),
  fc.record({ kind: fc.constant('authorization' as const), edit: authorizationEdit }),
  fc.record({
    kind: fc.constant('query' as const),
    query: fc.oneof(
      latin1(120).map((s) => s.replace(/[\s#]/g, '')),
      fc.constantFrom(
        'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=%2F&X-Amz-Signature=00',
        'Action=GetUser&Action=GetUser',
        '%%%',
        'X-Amz-Date=x',
      ),
    ),
  }),
  fc.record({
    kind: fc.constant('giant-content-length' as const),
    length: fc.constantFrom('99999999999999', '1e12', '68719476736'),
  }),
  fc.record({ kind: fc.constant('raw' as const), bytes: rawRequest }),
)

/** Applies `m` to a signed request. */
export function mutate(request: FuzzRequest, m: Mutation): FuzzRequest {
  const headers = { ...request.headers }
  switch (m.kind) {
    case 'none':
      return request
    case 'method':
      return { ...request, method: m.method }
    case 'body':
      return { ...request, body: m.mode === 'replace' ? m.body : Buffer.concat([request.body, m.body]) }
    case 'truncate-body':
      return {
        ...request,
        body: request.body.subarray(0, Math.min(m.at, Math.max(0, request.body.length - 1))),
      }
    case 'set-header':
      return { ...request, headers: { ...headers, [m.name]: m.value } }
    case 'drop-header':
      delete headers[m.name]
      return { ...request, headers }
    case 'duplicate-header':
      return { ...request, headers: { ...headers, [m.name]: [String(headers[m.name] ?? 'x'), 'dup'] } }
    case 'authorization':
      return {
        ...request,
        headers: {
          ...headers,
          authorization: editAuthorization(String(headers.authorization ?? ''), m.edit),
        },
      }
    case 'query':
      return { ...request, path: `${request.path}?${m.query}` }
    case 'giant-content-length':
      return { ...request, headers: { ...headers, 'content-length': m.length } }
    case 'raw':
      return { ...request, raw: Buffer.from(m.bytes, 'latin1') }
  }
}

function editAuthorization(value: string, edit: AuthorizationEdit): string {
  switch (edit.op) {
    case 'truncate':
      return value.slice(0, Math.min(edit.at, Math.max(0, value.length - 1)))
    case 'replace-part':
      return value.replace(new RegExp(`${edit.part}=[^,]*`), `${edit.part}=${edit.value}`)
    case 'flip-signature':
      return value.replace(/Signature=([0-9a-f])/, (_, c: string) => `Signature=${c === '0' ? '1' : '0'}`)
    case 'splice':
      return value.slice(0, edit.at) + edit.text + value.slice(edit.at)
  }
}
