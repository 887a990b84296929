import type { FuzzRequest } from './send.js'

const raw = (text: string, method = 'POST'): FuzzRequest => ({
  method,
  path: '/',
  headers: {},
  body: new Uint8Array(0),
  raw: Buffer.from(text, 'latin1'),
})

/** Requests that once got a wrong answer; each stays in the fuzz test. */
export const REGRESSIONS: ReadonlyArray<{ readonly why: string; readonly request: FuzzRequest }> = [
  {
    why: "node:http's bare 400 (no AWS envelope, no request id) for a Content-Length it cannot parse",
    request: raw('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1e12\r\n\r\n'),
  },
  {
    why: "node:http's bare 431 for a header section over its limit",
    request: raw(`POST / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
  },
  {
    why: "node:http's bare 400 for a NUL in a header value",
    request: raw('POST / HTTP/1.1\r\nHost: x\r\nX-Nul: a\0b\r\n\r\n'),
  },
  {
    why: 'error answers were chunked; HEAD and raw clients need a Content-Length',
    request: raw('HEAD / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello', 'HEAD'),
  },
]
