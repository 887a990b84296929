/**
 * SigV4 benchmark: parse and verify pre-signed requests (signed by @smithy/signature-v4, the SDK v3 signer),
 * with and without the signing-key cache, on one thread. Prints one JSON object.
 */
import { Hash } from '@smithy/hash-node'
import { HttpRequest } from '@smithy/protocol-http'
import { SignatureV4 } from '@smithy/signature-v4'
import { parseSigV4, type ReceivedRequest, SigningKeyCache, verifySigV4 } from '../src/sigv4/index.js'

const KEYS = 100
const REQUESTS = 2_000
const ROUNDS = Number(process.env.BENCH_SIGV4_ROUNDS ?? 10)
const NOW = new Date('2026-03-01T10:00:00Z')
const BODY = 'Action=GetCallerIdentity&Version=2011-06-15'

/** Signed STS requests from `KEYS` different access keys, as the server receives them. */
async function workload(): Promise<Array<{ request: ReceivedRequest; secret: string }>> {
  const out: Array<{ request: ReceivedRequest; secret: string }> = []
  for (let i = 0; i < REQUESTS; i++) {
    const secret = `secret-${i % KEYS}-wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`
    const signer = new SignatureV4({
      service: 'sts',
      region: 'us-east-1',
      credentials: { accessKeyId: `AKIA${String(i % KEYS).padStart(16, '0')}`, secretAccessKey: secret },
      sha256: Hash.bind(null, 'sha256'),
    })
    const signed = await signer.sign(
      new HttpRequest({
        method: 'POST',
        hostname: 'localhost',
        port: 4566,
        path: '/',
        headers: {
          host: 'localhost:4566',
          'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        },
        body: BODY,
      }),
      { signingDate: NOW },
    )
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(signed.headers)) headers[name.toLowerCase()] = value
    out.push({
      request: { method: 'POST', path: '/', query: '', headers, body: new TextEncoder().encode(BODY) },
      secret,
    })
  }
  return out
}

/** Verifications per second over `ROUNDS` passes of the workload. */
function measure(work: Array<{ request: ReceivedRequest; secret: string }>, cache?: SigningKeyCache): number {
  let ok = 0
  const start = performance.now()
  for (let round = 0; round < ROUNDS; round++) {
    for (const { request, secret } of work) {
      const parsed = parseSigV4(request)
      if (parsed.ok && verifySigV4(request, parsed, secret, NOW, cache).ok) ok++
    }
  }
  const seconds = (performance.now() - start) / 1000
  if (ok !== work.length * ROUNDS) throw new Error(`only ${ok} of ${work.length * ROUNDS} requests verified`)
  return Math.round(ok / seconds)
}

const work = await workload()
measure(work.slice(0, 200))
measure(work.slice(0, 200), new SigningKeyCache())
const withoutCache = measure(work)
const cache = new SigningKeyCache()
const withCache = measure(work, cache)
console.log(
  JSON.stringify(
    {
      benchmark: 'sigv4',
      node: process.version,
      requests: work.length * ROUNDS,
      accessKeys: KEYS,
      verificationsPerSecond: { withoutCache, withCache },
      speedup: Number((withCache / withoutCache).toFixed(2)),
      cache: { hits: cache.hits, misses: cache.misses },
    },
    null,
    2,
  ),
)
