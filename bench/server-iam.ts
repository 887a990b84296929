/**
 * The IAM part of the server benchmark: CreateRole + DeleteRole pairs (an IAM write, freshly signed for each
 * call by the benchmark process), and ListRoles (first page of 100) while the account grows from 100 to
 * 10,000 roles, seeded straight into the SQLite file the server uses (its caches hear of the writes through
 * SQLite's data_version).
 */
import { join } from 'node:path'
import { loadMasterKey } from '../src/server/index.js'
import { openStore } from '../src/store/index.js'
import { signForm, type WireRequest } from '../test/e2e/sign.js'
import { runLoad, summary } from './harness.js'
import type { ChildTarget } from './server-target.js'

const ACCOUNT = '000000000000'
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
})

const sign = (lanyard: ChildTarget, body: string, signingDate = new Date()): Promise<WireRequest> =>
  signForm({
    url: lanyard.url,
    credentials: lanyard.credentials!,
    service: 'iam',
    region: 'us-east-1',
    body,
    signingDate,
  })

async function send(lanyard: ChildTarget, body: string): Promise<void> {
  const request = await sign(lanyard, body)
  const response = await fetch(`${lanyard.url}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  })
  const text = await response.text()
  if (response.status !== 200) throw new Error(`IAM answered ${response.status}: ${text}`)
}

/** `workers` loops, each creating and deleting its own roles for `seconds`; latency is per pair. */
async function createDeletePairs(lanyard: ChildTarget, seconds: number, workers: number) {
  const latencies: number[] = []
  const deadline = Date.now() + seconds * 1000
  const worker = async (w: number) => {
    for (let i = 0; Date.now() < deadline; i++) {
      const name = `bench-${w}-${i}`
      const started = performance.now()
      await send(
        lanyard,
        `Action=CreateRole&Version=2010-05-08&RoleName=${name}&AssumeRolePolicyDocument=${encodeURIComponent(TRUST)}`,
      )
      await send(lanyard, `Action=DeleteRole&Version=2010-05-08&RoleName=${name}`)
      latencies.push(performance.now() - started)
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: workers }, (_, w) => worker(w)))
  const elapsed = (performance.now() - started) / 1000
  const sorted = [...latencies].sort((a, b) => a - b)
  const at = (q: number) =>
    Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1))
  return { pairsPerSecond: Math.round(latencies.length / elapsed), p50Ms: at(0.5), p99Ms: at(0.99), workers }
}

/** Adds roles `from`..`to - 1` to the account through a second connection to the server's database. */
async function seedRoles(dataDir: string, from: number, to: number): Promise<void> {
  const masterKey = await loadMasterKey(dataDir, undefined)
  const store = await openStore({ kind: 'sqlite', file: join(dataDir, 'lanyard.db'), masterKey })
  try {
    await store.transaction(async (tx) => {
      const createdAt = new Date()
      for (let i = from; i < to; i++)
        await tx.roles.insert({
          id: `AROABENCH${String(i).padStart(12, '0')}`,
          accountId: ACCOUNT,
          name: `seeded-${String(i).padStart(5, '0')}`,
          path: '/',
          trustPolicy: TRUST,
          maxSessionDuration: 3600,
          tags: [],
          createdAt,
        })
    })
  } finally {
    await store.close()
  }
}

/** ListRoles (first page) requests/s and latency at 100, 1,000 and 10,000 roles. */
async function listRolesGrowth(lanyard: ChildTarget, seconds: number, connections: number) {
  const pool: WireRequest[] = []
  const now = Date.now()
  for (let i = 0; i < 32; i++)
    pool.push(await sign(lanyard, 'Action=ListRoles&Version=2010-05-08', new Date(now - i * 1000)))
  const levels: Record<string, ReturnType<typeof summary>> = {}
  let seeded = 0
  for (const roles of [100, 1_000, 10_000]) {
    await seedRoles(lanyard.dataDir!, seeded, roles)
    seeded = roles
    await runLoad(lanyard, pool, 1, connections)
    levels[String(roles)] = summary([await runLoad(lanyard, pool, seconds, connections)])
  }
  const p50 = (n: string) => levels[n]!.p50Ms
  return {
    levels,
    p50GrowthFrom100To10000: p50('100') === 0 ? undefined : Number((p50('10000') / p50('100')).toFixed(2)),
    rpsRatio10000To100: Number((levels['10000']!.rps / levels['100']!.rps).toFixed(3)),
  }
}

/** Both IAM measurements against a started Lanyard (which must expose its data dir). */
export async function iamBenchmarks(lanyard: ChildTarget, seconds: number, connections: number) {
  const pairs = await createDeletePairs(lanyard, seconds, 4)
  const listRoles = await listRolesGrowth(lanyard, seconds, connections)
  return { 'iam:CreateRole+DeleteRole': pairs, 'iam:ListRoles': listRoles }
}
