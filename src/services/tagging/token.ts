import { createHash } from 'node:crypto'
import { invalidPaginationToken } from './errors.js'

const fingerprint = (parameters: unknown): string =>
  createHash('sha256').update(JSON.stringify(parameters)).digest('base64url').slice(0, 12)

/** A PaginationToken carrying a position and the fingerprint of the request parameters. */
export const encodeToken = (position: string, parameters: unknown): string =>
  Buffer.from(JSON.stringify({ c: position, p: fingerprint(parameters) })).toString('base64url')

/** The position inside a PaginationToken; InvalidParameterException when it is not ours. An empty token starts over. */
export function decodeToken(token: unknown, parameters: unknown): string | undefined {
  if (token === undefined || token === '') return undefined
  try {
    const { c, p } = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as {
      c?: unknown
      p?: unknown
    }
    if (typeof c === 'string' && p === fingerprint(parameters)) return c
  } catch {
    // falls through to the error
  }
  throw invalidPaginationToken()
}
