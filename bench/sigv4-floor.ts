/**
 * The SigV4 floor: a node:http server that does only what any SigV4 endpoint must — read the body, parse the
 * Authorization header, verify the signature with Lanyard's own src/sigv4 against its one access key — and answers
 * the plain server's fixed XML. No routing, protocol model, store, policy, audit or metrics. Its ratio to the plain
 * server, measured in the same run, is the most that any server verifying SigV4 in this runtime can reach here.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

const { parseSigV4, SigningKeyCache, verifySigV4 } = (await import(
  process.env.BENCH_SRC === '1' ? '../src/sigv4/index.js' : '../dist/sigv4/index.js'
)) as typeof import('../src/sigv4/index.js')

/** Starts the floor server on a loopback port with a fresh access key of its own. */
export async function startSigV4Floor(body: string) {
  const credentials = {
    accessKeyId: `AKIA${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
  }
  const signingKeys = new SigningKeyCache()
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const url = request.url ?? '/'
      const queryAt = url.indexOf('?')
      const received = {
        method: request.method ?? 'GET',
        path: queryAt < 0 ? url : url.slice(0, queryAt),
        query: queryAt < 0 ? '' : url.slice(queryAt + 1),
        headers: request.headers,
        body: Buffer.concat(chunks),
      }
      const parsed = parseSigV4(received)
      const verified =
        parsed.ok && parsed.accessKeyId === credentials.accessKeyId
          ? verifySigV4(received, parsed, credentials.secretAccessKey, new Date(), signingKeys)
          : undefined
      if (verified?.ok !== true) {
        response.writeHead(403).end()
        return
      }
      response.writeHead(200, { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() })
      response.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    credentials,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
