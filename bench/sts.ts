/**
 * STS benchmark: a signed sts:AssumeRole (trust evaluation, a new sealed session token) and a read signed with
 * session credentials (iam:GetRole: sealed-token verification, the session caller, a policy decision), each
 * measured beside a plain node:http server in the same run, interleaved round by round, as ratios to it, and beside
 * the SigV4 floor (bench/sigv4-floor.ts: the plain server that verifies the signature first).
 * Reuses the server benchmark's child processes (bench/server-target.ts) and prints one JSON object.
 *
 * BENCH_STS_ROUNDS (default 5), BENCH_STS_SECONDS (default 5), BENCH_STS_CONNECTIONS (default 10).
 */
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam'
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'
import autocannon from 'autocannon'
import { type SigningCredentials, signForm, type WireRequest } from '../test/e2e/sign.js'
import { median, medianRatio } from './harness.js'
import { startChild } from './server-target.js'

const ROUNDS = Number(process.env.BENCH_STS_ROUNDS ?? 5)
const SECONDS = Number(process.env.BENCH_STS_SECONDS ?? 5)
const CONNECTIONS = Number(process.env.BENCH_STS_CONNECTIONS ?? 10)
const WARMUP_SECONDS = 1
const POOL = 64
const TARGETS = { 'sts:AssumeRole': 0.3, 'iam:GetRole (session)': 0.5 } as const

type Scenario = 'plain' | 'sigv4 floor' | keyof typeof TARGETS
interface Sample {
  readonly rps: number
  readonly p50: number
  readonly p99: number
}

/** `POOL` requests signed a second apart, all within SigV4's 15-minute window for the whole run. */
async function pool(
  url: string,
  credentials: SigningCredentials,
  service: string,
  body: string,
): Promise<WireRequest[]> {
  const now = Date.now()
  const out: WireRequest[] = []
  for (let i = 0; i < POOL; i++)
    out.push(
      await signForm({
        url,
        credentials,
        service,
        region: 'us-east-1',
        body,
        signingDate: new Date(now - i * 1000),
      }),
    )
  return out
}

async function run(url: string, requests: WireRequest[], seconds: number): Promise<Sample> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: requests.map(({ method, path, headers, body }) => ({
      method: method as 'POST',
      path,
      headers,
      body,
    })),
  })
  const failed = result.non2xx + result.errors + result.timeouts
  if (failed > 0) throw new Error(`${failed} failed requests against ${url} (non-2xx ${result.non2xx})`)
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 }
}

const plainServer = await startChild('plain')
const floor = await startChild('sigv4-floor')
const lanyard = await startChild('lanyard')
try {
  const admin = { endpoint: lanyard.url, region: 'us-east-1', credentials: lanyard.credentials! }
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::000000000000:root' }, Action: 'sts:AssumeRole' },
    ],
  })
  const role = await new IAMClient(admin).send(
    new CreateRoleCommand({ RoleName: 'bench', AssumeRolePolicyDocument: trust }),
  )
  await new IAMClient(admin).send(
    new PutRolePolicyCommand({
      RoleName: 'bench',
      PolicyName: 'read',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }],
      }),
    }),
  )
  const assumed = await new STSClient(admin).send(
    new AssumeRoleCommand({ RoleArn: role.Role!.Arn!, RoleSessionName: 'bench' }),
  )
  const session = {
    accessKeyId: assumed.Credentials!.AccessKeyId!,
    secretAccessKey: assumed.Credentials!.SecretAccessKey!,
    sessionToken: assumed.Credentials!.SessionToken!,
  }
  const assumeBody = `Action=AssumeRole&Version=2011-06-15&RoleArn=${encodeURIComponent(role.Role!.Arn!)}&RoleSessionName=bench`
  const readBody = 'Action=GetRole&Version=2010-05-08&RoleName=bench'
  const pools: Record<Scenario, { url: string; requests: WireRequest[] }> = {
    plain: {
      url: plainServer.url,
      requests: await pool(lanyard.url, lanyard.credentials!, 'sts', assumeBody),
    },
    'sigv4 floor': {
      url: floor.url,
      requests: await pool(floor.url, floor.credentials!, 'sts', assumeBody),
    },
    'sts:AssumeRole': {
      url: lanyard.url,
      requests: await pool(lanyard.url, lanyard.credentials!, 'sts', assumeBody),
    },
    'iam:GetRole (session)': {
      url: lanyard.url,
      requests: await pool(lanyard.url, session, 'iam', readBody),
    },
  }
  const order: Scenario[] = ['plain', 'sigv4 floor', 'sts:AssumeRole', 'iam:GetRole (session)']
  const samples: Record<Scenario, Sample[]> = {
    plain: [],
    'sigv4 floor': [],
    'sts:AssumeRole': [],
    'iam:GetRole (session)': [],
  }
  for (let round = 0; round < ROUNDS; round++) {
    const shift = round % order.length
    const rotated = [...order.slice(shift), ...order.slice(0, shift)]
    const sample = {} as Record<Scenario, Sample>
    for (const scenario of rotated) {
      const { url, requests } = pools[scenario]
      await run(url, requests, WARMUP_SECONDS)
      sample[scenario] = await run(url, requests, SECONDS)
      samples[scenario].push(sample[scenario])
    }
    process.stderr.write(`round ${round + 1}/${ROUNDS}: ${JSON.stringify(sample)}\n`)
  }
  const summary = (list: readonly Sample[]) => ({
    rps: Math.round(median(list.map((s) => s.rps))),
    p50Ms: median(list.map((s) => s.p50)),
    p99Ms: median(list.map((s) => s.p99)),
  })
  const report = {
    benchmark: 'sts',
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
    sigv4Floor: {
      ...summary(samples['sigv4 floor']),
      ratioToPlain: medianRatio(samples['sigv4 floor'], samples.plain),
    },
    scenarios: Object.fromEntries(
      (Object.keys(TARGETS) as (keyof typeof TARGETS)[]).map((key) => [
        key,
        {
          ...summary(samples[key]),
          ratioToPlain: medianRatio(samples[key], samples.plain),
          ratioToSigV4Floor: medianRatio(samples[key], samples['sigv4 floor']),
          target: TARGETS[key],
        },
      ]),
    ),
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
} finally {
  await Promise.all([plainServer.stop(), floor.stop(), lanyard.stop()])
}
