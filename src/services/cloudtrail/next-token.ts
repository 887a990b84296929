import { createHash } from 'node:crypto'
import { invalidNextToken } from './errors.js'

/** The parameters fingerprint a token carries: a NextToken only continues the lookup it came from. */
const fingerprint = (parameters: string): string =>
  createHash('sha256').update(parameters).digest('base64url').slice(0, 16)

/** Wraps the store's page cursor with the fingerprint of the request parameters. */
export function encodeNextToken(cursor: string, parameters: string): string {
  return Buffer.from(JSON.stringify({ c: cursor, p: fingerprint(parameters) }), 'utf8').toString('base64url')
}

/** The store cursor inside a NextToken; InvalidNextTokenException when it is not ours or not for these parameters. */
export function decodeNextToken(token: string, parameters: string): string {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
  } catch {
    throw invalidNextToken()
  }
  const { c, p } = (value ?? {}) as { c?: unknown; p?: unknown }
  if (typeof c !== 'string' || p !== fingerprint(parameters)) throw invalidNextToken()
  return c
}
