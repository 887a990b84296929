/**
 * Server benchmark: Lanyard on SQLite and a plain node:http server, each in its own child process,
 * driven by autocannon from this process. Measures signed sts:GetCallerIdentity and signed
 * iam:GetUser (through the policy engine) beside the plain server, interleaved round by round, and beside the
 * SigV4 floor (bench/sigv4-floor.ts: the plain server that verifies the signature first, the ceiling of any
 * SigV4 endpoint on this machine),
 * then the IAM write and ListRoles growth of bench/server-iam.ts, and prints one JSON object with medians
 * and ratios to the plain server. Runs the built server: `npm run bench:server` builds first.
 *
 * BENCH_SERVER_ROUNDS (default 5), BENCH_SERVER_SECONDS (default 5), BENCH_SERVER_CONNECTIONS (default 10),
 * BENCH_SERVER_WORKERS (default 2; 1 leaves out the `lanyard server --workers N` scenarios).
 */
import { signForm, type WireRequest } from '../test/e2e/sign.js'
import { median, medianRatio, runLoad, type Sample, summary } from './harness.js'
import { iamBenchmarks } from './server-iam.js'
import { type ChildTarget, startChild, startCluster } from './server-target.js'

const ROUNDS = Number(process.env.BENCH_SERVER_ROUNDS ?? 5)
const SECONDS = Number(process.env.BENCH_SERVER_SECONDS ?? 5)
const CONNECTIONS = Number(process.env.BENCH_SERVER_CONNECTIONS ?? 10)
const WORKERS = Number(process.env.BENCH_SERVER_WORKERS ?? 2)
const WARMUP_SECONDS = 1
const POOL = 64

/** Lanyard's scenarios: one process (the app itself), and `lanyard server --workers WORKERS`. */
const LANYARD_SCENARIOS = [
  'sts:GetCallerIdentity',
  'iam:GetUser',
  ...(WORKERS > 1
    ? ([`sts:GetCallerIdentity, ${WORKERS} workers`, `iam:GetUser, ${WORKERS} workers`] as const)
    : []),
] as const
type LanyardScenario =
  | (typeof LANYARD_SCENARIOS)[number]
  | `${'sts:GetCallerIdentity' | 'iam:GetUser'}, ${number} workers`
type Scenario = 'plain' | 'sigv4 floor' | LanyardScenario

/** `POOL` requests to `lanyard` signed a second apart, all within SigV4's 15-minute window for the whole run. */
async function signedPool(lanyard: ChildTarget, service: 'sts' | 'iam'): Promise<WireRequest[]> {
  const body =
    service === 'sts' ? 'Action=GetCallerIdentity&Version=2011-06-15' : 'Action=GetUser&Version=2010-05-08'
  const now = Date.now()
  const pool: WireRequest[] = []
  for (let i = 0; i < POOL; i++) {
    pool.push(
      await signForm({
        url: lanyard.url,
        credentials: lanyard.credentials!,
        service,
        region: 'us-east-1',
        body,
        signingDate: new Date(now - i * 1000),
      }),
    )
  }
  return pool
}

function run(target: ChildTarget, requests: WireRequest[], seconds: number): Promise<Sample> {
  return runLoad(target, requests, seconds, CONNECTIONS)
}

const plainServer = await startChild('plain')
const floor = await startChild('sigv4-floor')
const lanyard = await startChild('lanyard')
const cluster = WORKERS > 1 ? await startCluster(WORKERS) : undefined
try {
  const pools = {
    plain: { target: plainServer, requests: await signedPool(lanyard, 'sts') },
    'sigv4 floor': { target: floor, requests: await signedPool(floor, 'sts') },
    'sts:GetCallerIdentity': { target: lanyard, requests: await signedPool(lanyard, 'sts') },
    'iam:GetUser': { target: lanyard, requests: await signedPool(lanyard, 'iam') },
  } as Record<string, { target: ChildTarget; requests: WireRequest[] }>
  if (cluster !== undefined) {
    pools[`sts:GetCallerIdentity, ${WORKERS} workers`] = {
      target: cluster,
      requests: await signedPool(cluster, 'sts'),
    }
    pools[`iam:GetUser, ${WORKERS} workers`] = { target: cluster, requests: await signedPool(cluster, 'iam') }
  }
  const order: Scenario[] = ['plain', 'sigv4 floor', ...LANYARD_SCENARIOS]
  const samples = Object.fromEntries(order.map((key) => [key, [] as Sample[]])) as Record<string, Sample[]>
  for (let round = 0; round < ROUNDS; round++) {
    const shift = round % order.length
    const rotated = [...order.slice(shift), ...order.slice(0, shift)]
    const sample = {} as Record<string, Sample>
    for (const scenario of rotated) {
      const { target, requests } = pools[scenario]!
      await run(target, requests, WARMUP_SECONDS)
      const measured = await run(target, requests, SECONDS)
      sample[scenario] = measured
      samples[scenario]!.push(measured)
    }
    process.stderr.write(`round ${round + 1}/${ROUNDS}: ${JSON.stringify(sample)}\n`)
  }
  const report = {
    benchmark: 'server',
    setup: {
      servers: 'child processes (node --import tsx), Lanyard on SQLite in a temp data dir',
      clusterWorkers: WORKERS > 1 ? WORKERS : undefined,
      loadGenerator: 'autocannon in the parent process',
      connections: CONNECTIONS,
      rounds: ROUNDS,
      secondsPerRun: SECONDS,
      warmupSecondsPerRun: WARMUP_SECONDS,
      signedRequestPool: POOL,
      node: process.version,
    },
    plain: summary(samples.plain!),
    sigv4Floor: {
      ...summary(samples['sigv4 floor']!),
      ratioToPlain: medianRatio(samples['sigv4 floor']!, samples.plain!),
    },
    scenarios: Object.fromEntries(
      LANYARD_SCENARIOS.map((key) => [
        key,
        {
          ...summary(samples[key]!),
          ratioToPlain: medianRatio(samples[key]!, samples.plain!),
          ratioToSigV4Floor: medianRatio(samples[key]!, samples['sigv4 floor']!),
          cpuRatioToPlain: Number(
            (median(samples.plain!.map((s) => s.cpuUs)) / median(samples[key]!.map((s) => s.cpuUs))).toFixed(
              3,
            ),
          ),
        },
      ]),
    ),
    target: { ratioToPlain: 0.5 },
    iam: await iamBenchmarks(lanyard, SECONDS, CONNECTIONS),
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
} finally {
  await Promise.all([plainServer.stop(), floor.stop(), lanyard.stop(), cluster?.stop()])
}
