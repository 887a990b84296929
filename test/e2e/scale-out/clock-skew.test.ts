import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { CreateRoleCommand, GetUserCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam'
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { runRevokeSessions } from '../../../src/cli/commands/iam.js'
import {
  openSessionToken,
  SealingKeyRing,
  sealSessionToken,
  sessionTokenKeyId,
} from '../../../src/services/sts/index.js'
import { openStore } from '../../../src/store/index.js'
import {
  ACCOUNT,
  ACCOUNT_TRUST,
  iamClient,
  type Keys,
  keysOf,
  policy,
  stsClient,
} from '../sts/sts-fixtures.js'
import {
  adminKeys,
  type ClusterEnv,
  clusterEnv,
  dropSchema,
  type LanyardProcess,
  POSTGRES_URL,
  SKIP_REASON,
  startProcess,
  within,
} from './cluster.js'

if (POSTGRES_URL === undefined) console.log(`# skipped: ${SKIP_REASON}`)

/** How far each process's own clock is off: one ahead, one behind. */
const SKEW_MS = 90_000
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/skewed`
const random = (size: number) => new Uint8Array(randomBytes(size))

/** The `time` a process's health route reports: its clock, which follows the database server's. */
async function processTime(p: LanyardProcess): Promise<Date> {
  const body = (await (await fetch(`${p.url}/_lanyard/health`)).json()) as { time: string }
  return new Date(body.time)
}

/** Rejects with `code`, whatever the message. */
async function failsWith(call: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(call, (error: { name?: string; Code?: string }) => {
    assert.equal(error.Code ?? error.name, code)
    return true
  })
}

describe('clock skew: two processes on PostgreSQL whose clocks are 90 s ahead and 90 s behind', {
  skip: POSTGRES_URL === undefined ? SKIP_REASON : false,
}, () => {
  let env: ClusterEnv
  let ahead: LanyardProcess
  let behind: LanyardProcess
  let admin: Keys

  const assume = async (p: LanyardProcess, name: string) => {
    const { Credentials } = await stsClient(p.url, admin).send(
      new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: name, DurationSeconds: 900 }),
    )
    return { keys: keysOf(Credentials), expiration: Credentials!.Expiration! }
  }
  const getUser = (p: LanyardProcess, keys: Keys) =>
    iamClient(p.url, keys).send(new GetUserCommand({ UserName: 'admin' }))
  /** `lanyard iam revoke-sessions --role skewed` against `p`: sessions issued before p's time are denied. */
  const revokeThrough = async (p: LanyardProcess) => {
    const creator = [ahead, behind].find(({ dataDir }) => existsSync(join(dataDir, 'credentials')))!
    const at = await runRevokeSessions(
      { role: 'skewed', dataDir: creator.dataDir },
      { AWS_ENDPOINT_URL: p.url, PATH: process.env.PATH },
    )
    assert.ok(Math.abs(at.getTime() - (await processTime(p)).getTime()) < 1000, 'the CLI took its own clock')
  }

  before(async () => {
    env = clusterEnv(POSTGRES_URL!)
    ahead = await startProcess({ ...env, LANYARD_CLOCK_OFFSET_MS: String(SKEW_MS) })
    behind = await startProcess({ ...env, LANYARD_CLOCK_OFFSET_MS: String(-SKEW_MS) })
    admin = await adminKeys([ahead, behind])
    const iam = iamClient(ahead.url, admin)
    await iam.send(new CreateRoleCommand({ RoleName: 'skewed', AssumeRolePolicyDocument: ACCOUNT_TRUST }))
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'skewed',
        PolicyName: 'read',
        PolicyDocument: policy({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }),
      }),
    )
  })
  after(async () => {
    await Promise.all([ahead?.stop(), behind?.stop()])
    if (env !== undefined) await dropSchema(env.LANYARD_DATABASE_URL, env.LANYARD_DATABASE_SCHEMA)
  })

  it('both processes tell the database server’s time, not their own', async () => {
    const [a, b] = [await processTime(ahead), await processTime(behind)]
    assert.ok(
      Math.abs(a.getTime() - b.getTime()) < 1000,
      `ahead says ${a.toISOString()}, behind ${b.toISOString()}`,
    )
  })

  it('a token issued by one expires at the database’s now + duration, as the other checks it', async () => {
    const { keys, expiration } = await assume(ahead, 'expiry')
    const checkedBy = await processTime(behind)
    const lifetime = expiration.getTime() - checkedBy.getTime()
    assert.ok(Math.abs(lifetime - 900_000) < 2000, `Expiration is ${lifetime} ms after the other's now`)
    // Reseal the same session with other expiry instants (the test holds the master key, as every process does).
    const store = await openStore({
      kind: 'postgres',
      url: env.LANYARD_DATABASE_URL,
      schema: env.LANYARD_DATABASE_SCHEMA,
      masterKey: Buffer.from(env.LANYARD_MASTER_KEY, 'hex'),
      maxConnections: 1,
    })
    try {
      const ring = new SealingKeyRing(store.settings, random)
      const id = sessionTokenKeyId(keys.sessionToken!)!
      const key = (await ring.find(id))!
      const claims = openSessionToken(keys.sessionToken!, keys.accessKeyId, key)!
      const now = (await store.databaseTime()).getTime()
      const expiringAt = (at: number): Keys => ({
        ...keys,
        sessionToken: sealSessionToken({ ...claims, expiresAt: at }, { id, key }, random),
      })
      // Expired 30 s ago: the process 90 s behind would still take it by its own clock.
      const expired = expiringAt(now - 30_000)
      await failsWith(stsClient(behind.url, expired).send(new GetCallerIdentityCommand({})), 'ExpiredToken')
      await failsWith(stsClient(ahead.url, expired).send(new GetCallerIdentityCommand({})), 'ExpiredToken')
      // Expires in 60 s: the process 90 s ahead would refuse it by its own clock.
      const live = expiringAt(now + 60_000)
      for (const p of [ahead, behind]) {
        const who = await stsClient(p.url, live).send(new GetCallerIdentityCommand({}))
        assert.equal(who.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/skewed/expiry`)
      }
    } finally {
      await store.close()
    }
  })

  for (const [writer, label] of [
    [() => ahead, 'the process ahead'],
    [() => behind, 'the process behind'],
  ] as const) {
    it(`a revoke through ${label} covers sessions issued by both, and not those issued after it`, async () => {
      const before = [await assume(ahead, 'early-a'), await assume(behind, 'early-b')]
      await new Promise((resolve) => setTimeout(resolve, 5))
      await revokeThrough(writer())
      for (const p of [ahead, behind])
        for (const { keys } of before) await within(1000, () => failsWith(getUser(p, keys), 'AccessDenied'))
      const later = [await assume(ahead, 'late-a'), await assume(behind, 'late-b')]
      for (const p of [ahead, behind])
        for (const { keys } of later) assert.equal((await getUser(p, keys)).User?.UserName, 'admin')
    })
  }
})
