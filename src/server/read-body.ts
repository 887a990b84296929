import type { IncomingMessage } from 'node:http'
import { AwsError } from '../kernel/aws-error.js'

/** Reads the whole request body, refusing more than `limit` bytes with an AWS error. */
export async function readBody(request: IncomingMessage, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > limit) throw tooLarge(limit)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw tooLarge(limit)
    chunks.push(chunk)
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
