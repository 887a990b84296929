import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { Agent, get, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import {
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  DeleteUserPolicyCommand,
  GetUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam'
import { GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts'
import { clusterEnv, dropSchema, POSTGRES_URL, within } from './scale-out/cluster.js'
import { adminKeys, isRunning, type ServerProcess, spawnServer } from './server-process.js'
import { type Keys, keysOf, policy } from './sts/sts-fixtures.js'

const WORKERS = 2

/** `lanyard server --workers 2 --port 0` (on the store of `storeEnv`) in a child process, once it printed the banner. */
const startCluster = (dataDir: string, storeEnv: Record<string, string>): Promise<ServerProcess> =>
  spawnServer(dataDir, { ...process.env, ...storeEnv, LANYARD_LOG_LEVEL: 'warn' }, 0, [
    '--workers',
    String(WORKERS),
  ])

/** The parent of process `pid` (`ps`; tsx may run helper children beside the workers, so children are not counted). */
function parentPid(pid: number): number {
  return Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).trim())
}

/** GET `path` through `agent` (a new connection per request when absent); the parsed JSON or text body. */
function fetchText(url: string, path: string, agent?: Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    get(new URL(path, url), { agent: agent ?? false }, (response) => {
      let body = ''
      response.on('data', (chunk) => {
        body += chunk
      })
      response.on('end', () =>
        response.statusCode === 200 ? resolve(body) : reject(new Error(`${response.statusCode}: ${body}`)),
      )
    }).on('error', reject)
  })
}

/** POSTs JSON to a console API path through `agent`, as the console page does; the status and parsed body. */
function postConsole(
  url: string,
  path: string,
  body: unknown,
  agent: Agent,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const call = request(
      new URL(path, url),
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'x-lanyard-console': '1' } },
      (response) => {
        let text = ''
        response.on('data', (chunk) => {
          text += chunk
        })
        response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) }))
      },
    )
    call.on('error', reject)
    call.end(JSON.stringify(body))
  })
}

const healthPid = async (url: string, agent?: Agent): Promise<number> =>
  (JSON.parse(await fetchText(url, '/_lanyard/health', agent)) as { pid: number }).pid

/** The pids that answer the health route over 8 new connections, sorted. */
async function answeringPids(url: string): Promise<number[]> {
  const answered = new Set<number>()
  for (let i = 0; i < 8; i++) answered.add(await healthPid(url))
  return [...answered].sort()
}

/** The value of one series in the Prometheus text, 0 when the series is absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? 0 : Number(line.slice(series.length + 1))
}

const iam = (url: string, keys: Keys, agent: Agent) =>
  new IAMClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: keys,
    maxAttempts: 1,
    requestHandler: { httpAgent: agent },
  })

const sts = (url: string, keys: Keys, agent: Agent) =>
  new STSClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: keys,
    maxAttempts: 1,
    requestHandler: { httpAgent: agent },
  })

/** The stores the suite runs on: SQLite always, PostgreSQL (a fresh schema) when LANYARD_TEST_POSTGRES_URL is set. */
const STORES: readonly { readonly name: string; readonly env: () => Record<string, string> }[] = [
  { name: 'one SQLite data dir', env: () => ({}) },
  ...(POSTGRES_URL === undefined
    ? []
    : [{ name: 'one PostgreSQL schema', env: () => ({ ...clusterEnv(POSTGRES_URL!) }) }]),
]
if (POSTGRES_URL === undefined)
  console.log('# --workers on PostgreSQL skipped: LANYARD_TEST_POSTGRES_URL is not set')

for (const store of STORES)
  describe(`e2e: lanyard server --workers 2 on ${store.name}`, () => {
    let storeEnv: Record<string, string>
    let dataDir: string
    let cluster: Awaited<ReturnType<typeof startCluster>>
    let admin: Keys
    const agents: Agent[] = []
    /** One keep-alive agent (one connection) per worker: the first for writes, the second for checks. */
    let writer: Agent
    let reader: Agent
    let writerPid: number
    let readerPid: number

    /** Keep-alive agents with one connection each, until every worker holds one; connections land on the workers in turn. */
    async function agentsByWorker(): Promise<void> {
      const byPid = new Map<number, Agent>()
      while (byPid.size < WORKERS && agents.length < 8) {
        const agent = new Agent({ keepAlive: true, maxSockets: 1 })
        agents.push(agent)
        byPid.set(await healthPid(cluster.url, agent), agent)
      }
      ;[[writerPid, writer], [readerPid, reader]] = [...byPid] as [[number, Agent], [number, Agent]]
      assert.notEqual(writerPid, readerPid)
    }

    before(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'lanyard-workers-'))
      storeEnv = store.env()
      cluster = await startCluster(dataDir, storeEnv)
      admin = await adminKeys(dataDir)
    })

    after(async () => {
      for (const agent of agents) agent.destroy()
      if (cluster?.child.exitCode === null) cluster.child.kill('SIGKILL')
      await rm(dataDir, { recursive: true, force: true })
      if (storeEnv.LANYARD_DATABASE_SCHEMA !== undefined)
        await dropSchema(storeEnv.LANYARD_DATABASE_URL!, storeEnv.LANYARD_DATABASE_SCHEMA)
    })

    it('prints one banner, and both workers answer on the one port that --port 0 picked', async () => {
      assert.equal(cluster.stdout().match(/Lanyard listening on/g)?.length, 1)
      assert.match(cluster.stdout(), /— created now/)
      const workers = await answeringPids(cluster.url)
      assert.equal(workers.length, WORKERS)
      assert.deepEqual(
        workers.map((pid) => parentPid(pid)),
        workers.map(() => cluster.child.pid),
      )
    })

    it('/metrics reports the requests of every worker, summed', async () => {
      const series = 'lanyard_requests_total{service="sts",operation="GetCallerIdentity",status="200"}'
      const before = sample(await fetchText(cluster.url, '/metrics'), series)
      // A new connection per request: the primary hands connections to the workers in turn.
      const client = new STSClient({
        endpoint: cluster.url,
        region: 'us-east-1',
        credentials: admin,
        maxAttempts: 1,
        requestHandler: { httpAgent: new Agent({ keepAlive: false }) },
      })
      for (let i = 0; i < 10; i++) await client.send(new GetCallerIdentityCommand({}))
      // Whichever worker answers /metrics, it reports both workers' counts.
      for (let i = 0; i < 4; i++)
        assert.equal(sample(await fetchText(cluster.url, '/metrics'), series), before + 10)
    })

    it('enforces an IAM write made through one worker on requests to the other within a second', async () => {
      await agentsByWorker()
      const adminIam = iam(cluster.url, admin, writer)
      await adminIam.send(new CreateUserCommand({ UserName: 'spread' }))
      const key = (await adminIam.send(new CreateAccessKeyCommand({ UserName: 'spread' }))).AccessKey!
      const userIam = iam(
        cluster.url,
        { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! },
        reader,
      )
      const getUser = () => userIam.send(new GetUserCommand({}))
      await assert.rejects(getUser(), { name: 'AccessDenied' })

      await adminIam.send(
        new PutUserPolicyCommand({
          UserName: 'spread',
          PolicyName: 'read-self',
          PolicyDocument: policy({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }),
        }),
      )
      await within(1000, async () => {
        assert.equal((await getUser()).User?.UserName, 'spread')
      })
      await adminIam.send(new DeleteUserPolicyCommand({ UserName: 'spread', PolicyName: 'read-self' }))
      await within(1000, () => assert.rejects(getUser(), { name: 'AccessDenied' }))
      // Both clients kept their connections, so the write and the checks really went to different workers.
      assert.equal(await healthPid(cluster.url, writer), writerPid)
      assert.equal(await healthPid(cluster.url, reader), readerPid)
    })

    it('opens session tokens and ends console sign-ins whichever worker issued them', async () => {
      // Each worker seals with the period's one key from the store: a token of either opens in the other.
      for (const [issuer, user] of [
        [writer, reader],
        [reader, writer],
      ] as const) {
        const session = keysOf(
          (await sts(cluster.url, admin, issuer).send(new GetSessionTokenCommand({}))).Credentials,
        )
        const who = await sts(cluster.url, session, user).send(new GetCallerIdentityCommand({}))
        assert.match(who.Arn!, /:user\/admin$/)
      }
      const password = 'Workers-Passw0rd!'
      await iam(cluster.url, admin, writer).send(
        new CreateLoginProfileCommand({ UserName: 'spread', Password: password }),
      )
      const signIn = await postConsole(
        cluster.url,
        '/console/api/signin',
        { account: '000000000000', userName: 'spread', password },
        writer,
      )
      assert.equal(signIn.status, 200)
      const { accessKeyId, secretAccessKey, sessionToken } = signIn.body.credentials as Keys & {
        sessionToken: string
      }
      const consoleUser = sts(cluster.url, { accessKeyId, secretAccessKey, sessionToken }, reader)
      assert.match((await consoleUser.send(new GetCallerIdentityCommand({}))).Arn!, /:user\/spread$/)
      const signOut = await postConsole(
        cluster.url,
        '/console/api/signout',
        { accessKeyId, sessionToken },
        writer,
      )
      assert.deepEqual(signOut, { status: 200, body: { signedOut: true } })
      await within(1000, () =>
        assert.rejects(consoleUser.send(new GetCallerIdentityCommand({})), { name: 'InvalidClientTokenId' }),
      )
      assert.equal(await healthPid(cluster.url, reader), readerPid)
    })

    it('stops every worker on SIGTERM and exits 0', async () => {
      const workers = await answeringPids(cluster.url)
      assert.equal(workers.length, WORKERS)
      for (const agent of agents) agent.destroy()
      const exited = new Promise<number | null>((resolve) => cluster.child.once('exit', resolve))
      cluster.child.kill('SIGTERM')
      assert.equal(await exited, 0)
      assert.match(cluster.stdout(), /SIGTERM: shutting down/)
      assert.deepEqual(
        workers.filter((pid) => isRunning(pid)),
        [],
      )
    })
  })
