import type { IncomingMessage, ServerResponse } from 'node:http'
import { readBody } from '../read-body.js'
import { CONSOLE_SECURITY_HEADERS } from './static-files.js'

/** The header every console API request must carry; a cross-site form cannot set it, and a cross-site fetch that does is preflighted and refused. */
export const SIGN_IN_HEADER = 'x-lanyard-console'

const MAX_BODY_BYTES = 8192

/** Writes a JSON answer of the console API (never cached). */
export function answer(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...CONSOLE_SECURITY_HEADERS,
  })
  response.end(text)
}

/** True when the request came from the console page itself: JSON with the console header, same origin if named. */
export function fromConsolePage(request: IncomingMessage): boolean {
  const type = String(request.headers['content-type'] ?? '')
  if (!type.toLowerCase().startsWith('application/json')) return false
  if (request.headers[SIGN_IN_HEADER] !== '1') return false
  const origin = request.headers.origin
  if (origin === undefined) return true
  try {
    return new URL(origin).host === request.headers.host
  } catch {
    return false
  }
}

/** How one console API endpoint names itself in its refusals and reads its JSON body. */
export interface ConsoleApiRequestShape<T> {
  /** Lower-case name used in the messages, e.g. `sign-in`. */
  readonly name: string
  /** The body's fields, or undefined when the body is not what the endpoint takes. */
  readonly parse: (body: Uint8Array) => T | undefined
  /** The 400 message when `parse` refuses the body. */
  readonly invalidText: string
}

/**
 * The checks every console API `POST` shares: the method (405), the console page as origin (403), the body size
 * (413) and its shape (400). Answers the refusal itself and returns undefined; otherwise returns the parsed body.
 */
export async function readConsoleApiRequest<T>(
  request: IncomingMessage,
  response: ServerResponse,
  shape: ConsoleApiRequestShape<T>,
): Promise<T | undefined> {
  if (request.method !== 'POST') {
    response.setHeader('allow', 'POST')
    answer(response, 405, { error: 'Method not allowed.' })
    return undefined
  }
  const title = shape.name.charAt(0).toUpperCase() + shape.name.slice(1)
  if (!fromConsolePage(request)) {
    answer(response, 403, { error: `${title} requests must come from the console page.` })
    return undefined
  }
  let body: Uint8Array
  try {
    body = await readBody(request, MAX_BODY_BYTES)
  } catch {
    answer(response, 413, { error: `The ${shape.name} request is too large.` })
    return undefined
  }
  const value = shape.parse(body)
  if (value === undefined) answer(response, 400, { error: shape.invalidText })
  return value
}
