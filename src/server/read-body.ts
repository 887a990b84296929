import type { IncomingMessage } from 'node:http'
import { AwsError } from '../kernel/aws-error.js'

/**
 * Reads the whole request body, refusing more than `limit` bytes with an AWS error. A body the
 * client stops sending early (it closed or reset the connection) is the client's error, never the server's.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > limit) return Promise.reject(tooLarge(limit))
  // Events rather than an async iterator: most bodies arrive in one chunk, and this is the hot path.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const settle = (error: AwsError | undefined) => {
      request.off('data', onData)
      request.off('end', onEnd)
      request.off('error', onError)
      request.off('close', onClose)
      if (error === undefined) resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size))
      else reject(error)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      settle(tooLarge(limit))
      request.destroy()
    }
    const onEnd = () => settle(undefined)
    const onError = () => settle(incompleteBody())
    // Closed before `end`: the client stopped sending.
    const onClose = () => settle(incompleteBody())
    request.on('data', onData)
    request.once('end', onEnd)
    request.once('error', onError)
    request.once('close', onClose)
  })
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
