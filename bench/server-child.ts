/**
 * One benchmark target in its own process: `lanyard` (the app on SQLite in a temp data dir),
 * `plain` (node:http answering a fixed XML body, or `N` bytes to a GET whose query has `bench-bytes=N`) or
 * `sigv4-floor` (bench/sigv4-floor.ts: the plain server that first verifies the SigV4 signature). Prints one JSON line `{ url, credentials? }`
 * and stops cleanly on SIGTERM or when its stdin closes.
 */

import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSigV4Floor } from './sigv4-floor.js'

const { startApp } = (await import(
  process.env.BENCH_SRC === '1' ? '../src/app.js' : '../dist/app.js'
)) as typeof import('../src/app.js')
const { listen, resolveConfig } = (await import(
  process.env.BENCH_SRC === '1' ? '../src/server/index.js' : '../dist/server/index.js'
)) as typeof import('../src/server/index.js')

const PLAIN_BODY = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:iam::000000000000:user/admin</Arn>
    <UserId>AIDAAAAAAAAAAAAAAAAAA</UserId>
    <Account>000000000000</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata>
    <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>
  </ResponseMetadata>
</GetCallerIdentityResponse>
`

async function startPlain(): Promise<{ url: string; stop(): Promise<void> }> {
  const { server, url } = await listen(
    (request, response) => {
      request.resume()
      request.on('end', () => {
        const bytes = /[?&]bench-bytes=(\d+)/.exec(request.url ?? '')
        if (request.method === 'GET' && bytes !== null) {
          response.writeHead(200, { 'content-type': 'application/octet-stream' })
          response.end(Buffer.alloc(Number(bytes[1]), 97))
          return
        }
        response.writeHead(200, { 'content-type': 'text/xml' })
        response.end(PLAIN_BODY)
      })
    },
    '127.0.0.1',
    0,
  )
  return { url, stop: () => new Promise((resolve) => server.close(() => resolve())) }
}

async function startLanyard() {
  const dataDir = await mkdtemp(join(tmpdir(), 'lanyard-bench-'))
  const app = await startApp(resolveConfig({ host: '127.0.0.1', port: 0, dataDir }, {}))
  const text = await readFile(app.credentialsFile, 'utf8')
  const credentials = {
    accessKeyId: /aws_access_key_id = (\S+)/.exec(text)![1]!,
    secretAccessKey: /aws_secret_access_key = (\S+)/.exec(text)![1]!,
  }
  return {
    url: app.url,
    credentials,
    dataDir,
    async stop() {
      await app.stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** BENCH_SERVER_PROFILE=1: a CPU profile of the Lanyard child from the moment it listens, written into ./profiles at stop. */
async function startProfile(): Promise<() => Promise<void>> {
  if (process.argv[2] !== 'lanyard' || process.env.BENCH_SERVER_PROFILE !== '1') return async () => {}
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
  return async () => {
    const { profile } = await session.post('Profiler.stop')
    await mkdir('profiles', { recursive: true })
    await writeFile(join('profiles', `lanyard-${Date.now()}.cpuprofile`), JSON.stringify(profile))
  }
}

const target =
  process.argv[2] === 'plain'
    ? await startPlain()
    : process.argv[2] === 'sigv4-floor'
      ? await startSigV4Floor(PLAIN_BODY)
      : await startLanyard()
const stopProfile = await startProfile()
process.stdout.write(
  `${JSON.stringify({
    url: target.url,
    credentials: 'credentials' in target ? target.credentials : undefined,
    dataDir: 'dataDir' in target ? target.dataDir : undefined,
  })}\n`,
)
const stop = () =>
  void stopProfile()
    .then(() => target.stop())
    .then(() => process.exit(0))
process.once('SIGTERM', stop)
process.stdin.once('end', stop)
process.stdin.resume()
