/**
 * `npm run bench:load`: a mixed workload — AssumeRole, session-authenticated reads, IAM writes, S3 puts and
 * gets — for a bounded time against one Lanyard process on SQLite and, when BENCH_POSTGRES_URL or
 * LANYARD_TEST_POSTGRES_URL is set, one and two processes on one PostgreSQL schema (the clients spread
 * requests round robin). Prints one JSON document: per target the throughput, and per operation the count,
 * p50/p99/p999 latency and errors by code.
 *
 * Settings: BENCH_LOAD_SECONDS (20), BENCH_LOAD_CONCURRENCY (16), BENCH_LOAD_TARGETS (e.g. `sqlite,pg2`).
 * `--soak` (or BENCH_SOAK=1): one run of BENCH_SOAK_SECONDS (600) on the last target, reporting each
 * process's RSS every BENCH_SOAK_SAMPLE_SECONDS (10).
 *
 * The servers run as child processes from the sources (`node --import tsx src/main.ts server`).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  CreateRoleCommand,
  CreateUserCommand,
  DeleteUserCommand,
  GetRoleCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam'
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'
import pg from 'pg'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const ACCOUNT = '000000000000'
const ROLE = 'bench-load'
const BUCKET = 'bench-load'
const OBJECT = randomBytes(4096)

interface Keys {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly sessionToken?: string
}

interface Server {
  readonly url: string
  readonly child: ChildProcess
  readonly dataDir: string
}

/** Starts one server process and waits for the URL it prints. */
async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lanyard-load-'))
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/main.ts', '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir],
    {
      cwd: ROOT,
      env: { ...process.env, LANYARD_LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  let out = ''
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const found = /Lanyard listening on (\S+)/.exec(out)
      if (found !== null) resolve(found[1]!)
    })
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)))
  })
  return { url, child, dataDir }
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode === null) {
    server.child.kill('SIGTERM')
    await new Promise((resolve) => server.child.once('exit', resolve))
  }
  await rm(server.dataDir, { recursive: true, force: true })
}

async function adminKeys(servers: readonly Server[]): Promise<Keys> {
  for (const { dataDir } of servers) {
    const file = join(dataDir, 'credentials')
    if (!existsSync(file)) continue
    const text = await readFile(file, 'utf8')
    return {
      accessKeyId: /aws_access_key_id = (\S+)/.exec(text)![1]!,
      secretAccessKey: /aws_secret_access_key = (\S+)/.exec(text)![1]!,
    }
  }
  throw new Error('no server wrote the credentials file')
}

const common = (url: string, keys: Keys) => ({
  endpoint: url,
  region: 'us-east-1',
  credentials: keys,
  maxAttempts: 1,
})

const clients = new Map<string, IAMClient | STSClient | S3Client>()

/** One SDK client per kind, endpoint and key (building a client costs more than a request). */
function client<C extends IAMClient | STSClient | S3Client>(
  kind: 'iam' | 'sts' | 's3',
  url: string,
  keys: Keys,
  make: () => C,
): C {
  const key = `${kind} ${url} ${keys.accessKeyId}`
  let found = clients.get(key) as C | undefined
  if (found === undefined) {
    found = make()
    clients.set(key, found)
    if (clients.size > 2000) clients.delete(clients.keys().next().value!)
  }
  return found
}
const iamOf = (url: string, keys: Keys) => client('iam', url, keys, () => new IAMClient(common(url, keys)))
const stsOf = (url: string, keys: Keys) => client('sts', url, keys, () => new STSClient(common(url, keys)))
const s3Of = (url: string, keys: Keys) =>
  client('s3', url, keys, () => new S3Client({ ...common(url, keys), forcePathStyle: true }))

/** Latencies and errors of one operation. */
class OperationStats {
  readonly latencies: number[] = []
  readonly errors = new Map<string, number>()

  async time<T>(work: () => Promise<T>): Promise<T | undefined> {
    const started = performance.now()
    try {
      const value = await work()
      this.latencies.push(performance.now() - started)
      return value
    } catch (error) {
      const code = (error as { name?: string }).name ?? 'Error'
      this.errors.set(code, (this.errors.get(code) ?? 0) + 1)
      return undefined
    }
  }

  report(seconds: number) {
    const sorted = [...this.latencies].sort((a, b) => a - b)
    const at = (q: number) =>
      sorted.length === 0
        ? null
        : Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2))
    const errorCount = [...this.errors.values()].reduce((sum, n) => sum + n, 0)
    return {
      ok: sorted.length,
      perSecond: Number((sorted.length / seconds).toFixed(1)),
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      p999Ms: at(0.999),
      errors: errorCount,
      ...(errorCount > 0 ? { errorCodes: Object.fromEntries(this.errors) } : {}),
    }
  }
}

const OPERATIONS = [
  'AssumeRole',
  'SessionGetRole',
  'CreateUser',
  'DeleteUser',
  'PutObject',
  'GetObject',
] as const
type OperationName = (typeof OPERATIONS)[number]

/** Resident set size of a process in bytes (Linux), undefined elsewhere. */
function rssBytes(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined
  try {
    const found = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return found === null ? undefined : Number(found[1]) * 1024
  } catch {
    return undefined
  }
}

/** Runs the mixed workload against `servers` for `seconds`; `onTick` is called every `tickMs`. */
async function drive(
  servers: readonly Server[],
  seconds: number,
  concurrency: number,
  tick?: { readonly ms: number; readonly call: (elapsedS: number) => void },
) {
  const admin = await adminKeys(servers)
  const first = servers[0]!.url
  const iam = new IAMClient(common(first, admin))
  await iam.send(
    new CreateRoleCommand({
      RoleName: ROLE,
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
        ],
      }),
    }),
  )
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: ROLE,
      PolicyName: 'work',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['iam:GetRole', 's3:GetObject', 's3:PutObject'], Resource: '*' },
        ],
      }),
    }),
  )
  await new S3Client({ ...common(first, admin), forcePathStyle: true }).send(
    new CreateBucketCommand({ Bucket: BUCKET }),
  )
  const stats = new Map<OperationName, OperationStats>(OPERATIONS.map((name) => [name, new OperationStats()]))
  const stat = (name: OperationName) => stats.get(name)!
  const roleArn = `arn:aws:iam::${ACCOUNT}:role/${ROLE}`
  let nextServer = 0
  let nextName = 0
  const deadline = Date.now() + seconds * 1000
  const started = Date.now()
  const timer =
    tick === undefined ? undefined : setInterval(() => tick.call((Date.now() - started) / 1000), tick.ms)
  const worker = async (index: number) => {
    const url = () => servers[nextServer++ % servers.length]!.url
    let session: Keys | undefined
    const keys: string[] = []
    let step = index
    while (Date.now() < deadline) {
      step++
      const choice = step % 10
      if (session === undefined || choice === 0) {
        const answer = await stat('AssumeRole').time(() =>
          stsOf(url(), admin).send(
            new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: `load-${index}` }),
          ),
        )
        const c = answer?.Credentials
        if (c !== undefined)
          session = {
            accessKeyId: c.AccessKeyId!,
            secretAccessKey: c.SecretAccessKey!,
            sessionToken: c.SessionToken!,
          }
        continue
      }
      const held = session
      if (choice <= 4) {
        await stat('SessionGetRole').time(() =>
          iamOf(url(), held).send(new GetRoleCommand({ RoleName: ROLE })),
        )
      } else if (choice === 5) {
        const name = `load-user-${nextName++}`
        const made = await stat('CreateUser').time(() =>
          iamOf(url(), admin).send(new CreateUserCommand({ UserName: name })),
        )
        if (made !== undefined)
          await stat('DeleteUser').time(() =>
            iamOf(url(), admin).send(new DeleteUserCommand({ UserName: name })),
          )
      } else if (choice <= 7 || keys.length === 0) {
        const key = `w${index}/${nextName++}`
        const put = await stat('PutObject').time(() =>
          s3Of(url(), held).send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: OBJECT })),
        )
        if (put !== undefined) keys.push(key)
        if (keys.length > 50) keys.shift()
      } else {
        const key = keys[step % keys.length]!
        await stat('GetObject').time(async () => {
          const got = await s3Of(url(), held).send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))
          const bytes = await got.Body!.transformToByteArray()
          if (bytes.length !== OBJECT.length) throw new Error('short read')
        })
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)))
  if (timer !== undefined) clearInterval(timer)
  const elapsed = (Date.now() - started) / 1000
  const operations = Object.fromEntries(OPERATIONS.map((name) => [name, stat(name).report(elapsed)]))
  const ok = Object.values(operations).reduce((sum, op) => sum + op.ok, 0)
  const errors = Object.values(operations).reduce((sum, op) => sum + op.errors, 0)
  return {
    seconds: Number(elapsed.toFixed(1)),
    requestsPerSecond: Number((ok / elapsed).toFixed(1)),
    ok,
    errors,
    operations,
  }
}

interface Target {
  readonly name: string
  readonly store: 'sqlite' | 'postgres'
  readonly processes: number
}

async function withTarget<T>(
  target: Target,
  postgresUrl: string | undefined,
  run: (servers: Server[]) => Promise<T>,
): Promise<T> {
  const schema = `lanyard_load_${randomBytes(5).toString('hex')}`
  const env: NodeJS.ProcessEnv =
    target.store === 'sqlite'
      ? {}
      : {
          LANYARD_DATABASE_URL: postgresUrl,
          LANYARD_DATABASE_SCHEMA: schema,
          LANYARD_MASTER_KEY: randomBytes(32).toString('hex'),
        }
  const servers: Server[] = []
  try {
    servers.push(...(await Promise.all(Array.from({ length: target.processes }, () => startServer(env)))))
    return await run(servers)
  } finally {
    await Promise.all(servers.map(stopServer))
    if (target.store === 'postgres') {
      const client = new pg.Client({ connectionString: postgresUrl })
      await client.connect()
      await client.query(`drop schema if exists "${schema}" cascade`)
      await client.end()
    }
  }
}

const postgresUrl = process.env.BENCH_POSTGRES_URL ?? process.env.LANYARD_TEST_POSTGRES_URL
const all: Target[] = [
  { name: 'sqlite', store: 'sqlite', processes: 1 },
  ...(postgresUrl === undefined
    ? []
    : ([
        { name: 'pg1', store: 'postgres', processes: 1 },
        { name: 'pg2', store: 'postgres', processes: 2 },
      ] as const)),
]
const wanted = process.env.BENCH_LOAD_TARGETS?.split(',')
const targets = wanted === undefined ? all : all.filter((t) => wanted.includes(t.name))
const concurrency = Number(process.env.BENCH_LOAD_CONCURRENCY ?? 16)
const soak = process.argv.includes('--soak') || process.env.BENCH_SOAK === '1'

if (soak) {
  const target = targets.at(-1)!
  const seconds = Number(process.env.BENCH_SOAK_SECONDS ?? 600)
  const sampleMs = Number(process.env.BENCH_SOAK_SAMPLE_SECONDS ?? 10) * 1000
  const result = await withTarget(target, postgresUrl, async (servers) => {
    const rss: { atS: number; rssMiB: (number | null)[] }[] = []
    const sample = (atS: number) =>
      rss.push({
        atS: Math.round(atS),
        rssMiB: servers.map((s) => {
          const bytes = rssBytes(s.child.pid)
          return bytes === undefined ? null : Number((bytes / 2 ** 20).toFixed(1))
        }),
      })
    sample(0)
    const load = await drive(servers, seconds, concurrency, { ms: sampleMs, call: sample })
    if (rss.at(-1)!.atS !== Math.round(load.seconds)) sample(load.seconds)
    return { ...load, rss }
  })
  console.log(
    JSON.stringify(
      { soak: true, target: target.name, processes: target.processes, concurrency, ...result },
      null,
      2,
    ),
  )
} else {
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 20)
  const results: Record<string, unknown> = {}
  for (const target of targets)
    results[target.name] = {
      store: target.store,
      processes: target.processes,
      concurrency,
      ...(await withTarget(target, postgresUrl, (servers) => drive(servers, seconds, concurrency))),
    }
  if (postgresUrl === undefined)
    results.note = 'PostgreSQL targets skipped: set BENCH_POSTGRES_URL or LANYARD_TEST_POSTGRES_URL'
  console.log(JSON.stringify(results, null, 2))
}
