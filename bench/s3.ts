/**
 * S3 benchmark: signed PutObject and GetObject of 1 MiB objects (MB/s) and of 1 KiB objects (requests/s)
 * against Lanyard on SQLite, beside the plain node:http server of bench/server-target.ts (which takes the
 * same upload, or answers a GET with as many bytes), each in its own child process and driven by
 * autocannon from this process, interleaved round by round. Prints one JSON object.
 *
 * BENCH_S3_ROUNDS (default 3), BENCH_S3_SECONDS (default 5), BENCH_S3_CONNECTIONS (default 8).
 * The Lanyard child runs dist/ (run `npm run build` first) or src/ with BENCH_SRC=1.
 */
import { randomBytes } from 'node:crypto'
import { Hash } from '@smithy/hash-node'
import { HttpRequest } from '@smithy/protocol-http'
import { SignatureV4 } from '@smithy/signature-v4'
import { type LoadRequest, median, runLoad, type Sample, summary } from './harness.js'
import { type ChildTarget, startChild } from './server-target.js'

const ROUNDS = Number(process.env.BENCH_S3_ROUNDS ?? 3)
const SECONDS = Number(process.env.BENCH_S3_SECONDS ?? 5)
const CONNECTIONS = Number(process.env.BENCH_S3_CONNECTIONS ?? 8)
const WARMUP_SECONDS = 1
const POOL = 32
const BUCKET = 'bench-bucket'
const SIZES = { '1MiB': 1024 * 1024, '1KiB': 1024 } as const
type Size = keyof typeof SIZES

/** Signs one path-style S3 request with an UNSIGNED-PAYLOAD payload hash, as the SDKs do over TLS. */
async function signS3(
  lanyard: ChildTarget,
  method: 'PUT' | 'GET',
  path: string,
  body?: Buffer,
  signingDate = new Date(),
): Promise<LoadRequest> {
  const { hostname, port, host } = new URL(lanyard.url)
  const signer = new SignatureV4({
    service: 's3',
    region: 'us-east-1',
    credentials: lanyard.credentials!,
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: false,
  })
  const headers: Record<string, string> = { host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }
  const signed = await signer.sign(
    new HttpRequest({ method, protocol: 'http:', hostname, port: Number(port), path, headers }),
    { signingDate },
  )
  return {
    method,
    path,
    headers: signed.headers as Record<string, string>,
    ...(body === undefined ? {} : { body }),
  }
}

/** `POOL` signed PUTs (distinct keys, each with its own body) and the GETs of the same keys. */
async function pools(lanyard: ChildTarget, size: Size) {
  const puts: LoadRequest[] = []
  const gets: LoadRequest[] = []
  const now = Date.now()
  for (let i = 0; i < POOL; i++) {
    const path = `/${BUCKET}/${size}/object-${i}`
    puts.push(await signS3(lanyard, 'PUT', path, randomBytes(SIZES[size]), new Date(now - i * 1000)))
    gets.push(await signS3(lanyard, 'GET', path, undefined, new Date(now - i * 1000)))
  }
  return { puts, gets }
}

/** What the plain server is sent: the same uploads, and GETs answered with as many bytes. */
const plainGets = (size: Size): LoadRequest[] => [
  { method: 'GET', path: `/plain?bench-bytes=${SIZES[size]}`, headers: {} },
]

const plainServer = await startChild('plain')
const lanyard = await startChild('lanyard')
try {
  const create = await signS3(lanyard, 'PUT', `/${BUCKET}`)
  const created = await fetch(`${lanyard.url}${create.path}`, { method: 'PUT', headers: create.headers })
  if (!created.ok) throw new Error(`CreateBucket failed: ${created.status} ${await created.text()}`)
  const scenarios: { name: string; size: Size; lanyard: LoadRequest[]; plain: LoadRequest[] }[] = []
  for (const size of Object.keys(SIZES) as Size[]) {
    const { puts, gets } = await pools(lanyard, size)
    // Every key exists before the first GetObject run.
    for (const put of puts) {
      const stored = await fetch(`${lanyard.url}${put.path}`, {
        method: 'PUT',
        headers: put.headers,
        body: put.body,
      })
      if (!stored.ok) throw new Error(`PutObject failed: ${stored.status} ${await stored.text()}`)
    }
    scenarios.push({ name: `PutObject ${size}`, size, lanyard: puts, plain: puts })
    scenarios.push({ name: `GetObject ${size}`, size, lanyard: gets, plain: plainGets(size) })
  }
  const samples = new Map<string, { lanyard: Sample[]; plain: Sample[] }>()
  for (let round = 0; round < ROUNDS; round++) {
    for (const scenario of scenarios) {
      const entry = samples.get(scenario.name) ?? { lanyard: [], plain: [] }
      for (const [which, target, requests] of [
        ['plain', plainServer, scenario.plain],
        ['lanyard', lanyard, scenario.lanyard],
      ] as const) {
        await runLoad(target, requests, WARMUP_SECONDS, CONNECTIONS)
        entry[which].push(await runLoad(target, requests, SECONDS, CONNECTIONS))
      }
      samples.set(scenario.name, entry)
    }
    process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`)
  }
  const mbPerSecond = (rps: number, size: Size) => Number(((rps * SIZES[size]) / (1024 * 1024)).toFixed(1))
  const report = {
    benchmark: 's3',
    setup: {
      servers: 'child processes, Lanyard on SQLite (object bytes as files in a temp data dir)',
      loadGenerator: 'autocannon in the parent process, SigV4-signed path-style requests, UNSIGNED-PAYLOAD',
      connections: CONNECTIONS,
      rounds: ROUNDS,
      secondsPerRun: SECONDS,
      objectsPerScenario: POOL,
      node: process.version,
    },
    scenarios: Object.fromEntries(
      scenarios.map(({ name, size }) => {
        const entry = samples.get(name)!
        const lanyardRps = median(entry.lanyard.map((s) => s.rps))
        const plainRps = median(entry.plain.map((s) => s.rps))
        return [
          name,
          {
            lanyard: { ...summary(entry.lanyard), mbPerSecond: mbPerSecond(lanyardRps, size) },
            plain: { ...summary(entry.plain), mbPerSecond: mbPerSecond(plainRps, size) },
            ratioToPlain: Number((lanyardRps / plainRps).toFixed(3)),
          },
        ]
      }),
    ),
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
} finally {
  await Promise.all([plainServer.stop(), lanyard.stop()])
}
