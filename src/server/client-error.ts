import { randomUUID } from 'node:crypto'
import { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import { MODELS } from '../models/index.js'
import { serializeError } from '../protocol/index.js'

/**
 * Answers a request node:http could not parse (bad framing, an invalid header, a header section
 * over the limit) with an AWS error envelope instead of Node's bare status line, then closes.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable || (error.code === 'ECONNRESET' && socket.destroyed)) {
    socket.destroy()
    return
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW'
  // AWS (S3): an oversized header section is RequestHeaderSectionTooLarge, a 400.
  const wire = serializeError(
    'query',
    MODELS.sts,
    tooLarge
      ? {
          code: 'RequestHeaderSectionTooLarge',
          status: 400,
          message: 'Your request header section exceeds the maximum allowed size.',
        }
      : { code: 'BadRequest', status: 400, message: 'The request could not be read as HTTP/1.1.' },
    randomUUID(),
    'POST',
  )
  const body = Buffer.from(wire.body, 'utf8')
  const head = [`HTTP/1.1 ${wire.status} ${STATUS_CODES[wire.status]}`]
  for (const [name, value] of Object.entries(wire.headers)) head.push(`${name}: ${value}`)
  head.push(`content-length: ${body.length}`, 'connection: close', '', '')
  socket.end(Buffer.concat([Buffer.from(head.join('\r\n'), 'latin1'), body]))
}
