/**
 * Server benchmark: Lanyard on SQLite and a plain node:http server, each in its own child process,
 * driven by autocannon from this process. Measures signed sts:GetCallerIdentity and signed
 * iam:GetUser (through the policy engine) beside the plain server, interleaved round by round,
 * then the IAM write and ListRoles growth of bench/server-iam.ts, and prints one JSON object with medians
 * and ratios to the plain server. Runs the built server: `npm run bench:server` builds first.
 *
 * BENCH_SERVER_ROUNDS (default 5), BENCH_SERVER_SECONDS (default 5), BENCH_SERVER_CONNECTIONS (default 10).
 */
import { signForm, type WireRequest } from '../test/e2e/sign.js'
import { median, runLoad, type Sample, summary } from './harness.js'
import { iamBenchmarks } from './server-iam.js'
import { type ChildTarget, startChild } from './server-target.js'

const ROUNDS = Number(process.env.BENCH_SERVER_ROUNDS ?? 5)
const SECONDS = Number(process.env.BENCH_SERVER_SECONDS ?? 5)
const CONNECTIONS = Number(process.env.BENCH_SERVER_CONNECTIONS ?? 10)
const WARMUP_SECONDS = 1
const POOL = 64

type Scenario = 'plain' | 'sts:GetCallerIdentity' | 'iam:GetUser'

/** `POOL` requests signed a second apart, all within SigV4's 15-minute window for the whole run. */
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
const lanyard = await startChild('lanyard')
try {
  const pools: Record<Scenario, { target: ChildTarget; requests: WireRequest[] }> = {
    plain: { target: plainServer, requests: await signedPool(lanyard, 'sts') },
    'sts:GetCallerIdentity': { target: lanyard, requests: await signedPool(lanyard, 'sts') },
    'iam:GetUser': { target: lanyard, requests: await signedPool(lanyard, 'iam') },
  }
  const order: Scenario[] = ['plain', 'sts:GetCallerIdentity', 'iam:GetUser']
  const samples: Record<Scenario, Sample[]> = { plain: [], 'sts:GetCallerIdentity': [], 'iam:GetUser': [] }
  const ratios: Record<'sts:GetCallerIdentity' | 'iam:GetUser', number[]> = {
    'sts:GetCallerIdentity': [],
    'iam:GetUser': [],
  }
  for (let round = 0; round < ROUNDS; round++) {
    const rotated = [...order.slice(round % 3), ...order.slice(0, round % 3)]
    const sample = {} as Record<Scenario, Sample>
    for (const scenario of rotated) {
      const { target, requests } = pools[scenario]
      await run(target, requests, WARMUP_SECONDS)
      sample[scenario] = await run(target, requests, SECONDS)
      samples[scenario].push(sample[scenario])
    }
    for (const key of ['sts:GetCallerIdentity', 'iam:GetUser'] as const)
      ratios[key].push(sample[key].rps / sample.plain.rps)
    process.stderr.write(`round ${round + 1}/${ROUNDS}: ${JSON.stringify(sample)}\n`)
  }
  const report = {
    benchmark: 'server',
    setup: {
      servers: 'child processes (node --import tsx), Lanyard on SQLite in a temp data dir',
      loadGenerator: 'autocannon in the parent process',
      connections: CONNECTIONS,
      rounds: ROUNDS,
      secondsPerRun: SECONDS,
      warmupSecondsPerRun: WARMUP_SECONDS,
      signedRequestPool: POOL,
      node: process.version,
    },
    plain: summary(samples.plain),
    scenarios: Object.fromEntries(
      (['sts:GetCallerIdentity', 'iam:GetUser'] as const).map((key) => [
        key,
        {
          ...summary(samples[key]),
          ratioToPlain: Number(median(ratios[key]).toFixed(3)),
          cpuRatioToPlain: Number(
            (median(samples.plain.map((s) => s.cpuUs)) / median(samples[key].map((s) => s.cpuUs))).toFixed(3),
          ),
        },
      ]),
    ),
    target: { ratioToPlain: 0.5 },
    iam: await iamBenchmarks(lanyard, SECONDS, CONNECTIONS),
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
} finally {
  await Promise.all([plainServer.stop(), lanyard.stop()])
}
