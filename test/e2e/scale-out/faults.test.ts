import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { CreateUserCommand, GetUserCommand, ListUsersCommand, type User } from '@aws-sdk/client-iam'
import { iamClient, type Keys } from '../sts/sts-fixtures.js'
import {
  adminKeys,
  type ClusterEnv,
  type CuttableTcpProxy,
  clusterEnv,
  cuttableTcpProxy,
  dropSchema,
  type LanyardProcess,
  POSTGRES_URL,
  type RoundRobinProxy,
  roundRobinProxy,
  SKIP_REASON,
  startProcess,
  within,
} from './cluster.js'

if (POSTGRES_URL === undefined) console.log(`# skipped: ${SKIP_REASON}`)

const skip = POSTGRES_URL === undefined ? SKIP_REASON : false

/** Every user of the account, all pages. */
async function allUsers(url: string, keys: Keys): Promise<Set<string>> {
  const names = new Set<string>()
  let marker: string | undefined
  do {
    const page = await iamClient(url, keys).send(new ListUsersCommand({ MaxItems: 1000, Marker: marker }))
    for (const user of page.Users ?? ([] as User[])) names.add(user.UserName!)
    marker = page.IsTruncated ? page.Marker : undefined
  } while (marker !== undefined)
  return names
}

describe('faults: kill -9 one of two processes under load', { skip }, () => {
  let env: ClusterEnv
  let processes: LanyardProcess[] = []
  let proxy: RoundRobinProxy
  let admin: Keys

  before(async () => {
    env = clusterEnv(POSTGRES_URL!)
    processes = await Promise.all([startProcess(env), startProcess(env)])
    admin = await adminKeys(processes)
    proxy = await roundRobinProxy(processes.map((p) => p.url))
  })
  after(async () => {
    await proxy?.close()
    await Promise.all(processes.map((p) => p.stop()))
    if (env !== undefined) await dropSchema(env.LANYARD_DATABASE_URL, env.LANYARD_DATABASE_SCHEMA)
  })

  it('the survivor goes on serving and every acknowledged CreateUser is in the database', async () => {
    const [survivor, victim] = processes as [LanyardProcess, LanyardProcess]
    const acknowledged: string[] = []
    let failed = 0
    let afterKill = 0
    let killed = false
    let next = 0
    const stopAt = Date.now() + 4000
    const worker = async () => {
      const client = iamClient(proxy.url, admin)
      while (Date.now() < stopAt) {
        const name = `load-${next++}`
        try {
          await client.send(new CreateUserCommand({ UserName: name }))
          acknowledged.push(name)
          if (killed) afterKill++
        } catch {
          // A request in flight on the killed process gets no answer: not acknowledged, so not owed.
          failed++
        }
      }
    }
    const workers = Array.from({ length: 4 }, worker)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await victim.kill()
    killed = true
    await Promise.all(workers)
    assert.ok(acknowledged.length > 20, `only ${acknowledged.length} writes acknowledged`)
    assert.ok(afterKill > 10, `the survivor acknowledged only ${afterKill} writes after the kill`)
    // The proxy moves a refused connection to the next process, so only in-flight requests fail.
    assert.ok(failed <= 4, `${failed} requests failed`)
    const stored = await allUsers(survivor.url, admin)
    const lost = acknowledged.filter((name) => !stored.has(name))
    assert.deepEqual(lost, [])
  })
})

describe('faults: PostgreSQL unreachable, then back', { skip }, () => {
  let env: ClusterEnv
  let tcp: CuttableTcpProxy
  let server: LanyardProcess
  let admin: Keys

  before(async () => {
    env = clusterEnv(POSTGRES_URL!)
    const target = new URL(POSTGRES_URL!)
    tcp = await cuttableTcpProxy(target.hostname, Number(target.port || 5432))
    const through = new URL(POSTGRES_URL!)
    through.hostname = '127.0.0.1'
    through.port = String(tcp.port)
    server = await startProcess({ ...env, LANYARD_DATABASE_URL: through.toString() })
    admin = await adminKeys([server])
  })
  after(async () => {
    await server?.stop()
    await tcp?.close()
    if (env !== undefined) await dropSchema(POSTGRES_URL!, env.LANYARD_DATABASE_SCHEMA)
  })

  it('requests fail with ServiceUnavailable 503 while it is cut, and succeed again without a restart', async () => {
    const iam = iamClient(server.url, admin)
    assert.equal((await iam.send(new GetUserCommand({}))).User?.UserName, 'admin')
    await tcp.cut()
    try {
      await within(5000, async () => {
        await assert.rejects(iam.send(new CreateUserCommand({ UserName: 'while-cut' })), (error: Error) => {
          const failure = error as Error & { $metadata?: { httpStatusCode?: number } }
          assert.equal(failure.name, 'ServiceUnavailable')
          assert.equal(failure.$metadata?.httpStatusCode, 503)
          assert.equal(failure.message, 'The request has failed due to a temporary failure of the server.')
          return true
        })
      })
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${server.stderr()}`)
    }
    const health = await fetch(`${server.url}/_lanyard/health`)
    assert.notEqual(health.status, 200)
    await tcp.restore()
    const ms = await within(15_000, async () => {
      await iam.send(new CreateUserCommand({ UserName: 'after-restore' }))
    })
    assert.ok(ms < 15_000)
    assert.equal((await fetch(`${server.url}/_lanyard/health`)).status, 200)
    assert.equal(
      (await iam.send(new GetUserCommand({ UserName: 'after-restore' }))).User?.UserName,
      'after-restore',
    )
  })
})
