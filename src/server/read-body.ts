import type { IncomingMessage } from 'node:http'
import { AwsError } from '../kernel/aws-error.js'

/**
 * Reads the whole request body, refusing more than `limit` bytes with an AWS error. A body the
 * client stops sending early (it closed or reset the connection) is the client's error, never the server's.
 */
export async function readBody(request: IncomingMessage, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > limit) throw tooLarge(limit)
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > limit) throw tooLarge(limit)
      chunks.push(chunk)
    }
  } catch (error) {
    if (error instanceof AwsError) throw error
    throw incompleteBody()
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)
}

function tooLarge(limit: number): AwsError {
  return new AwsError(
    'RequestEntityTooLarge',
    413,
    `The request body exceeds the maximum size of ${limit} bytes.`,
  )
}

/** AWS (S3): the body ended before the bytes its Content-Length announced. */
function incompleteBody(): AwsError {
  return new AwsError(
    'IncompleteBody',
    400,
    'You did not provide the number of bytes specified by the Content-Length HTTP header.',
  )
}
