import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { GetRoleCommand, GetRolePolicyCommand } from '@aws-sdk/client-iam'
import { AssumeRoleCommand } from '@aws-sdk/client-sts'
import pg from 'pg'
import { type RunningApp, startApp } from '../../../src/app.js'
import {
  REVOKE_POLICY_NAME,
  revokeOlderSessionsPolicy,
  runRevokeSessions,
} from '../../../src/cli/commands/iam.js'
import { resolveConfig } from '../../../src/server/index.js'
import { startTestServer, type TestServer } from '../start.js'
import {
  ACCOUNT,
  ACCOUNT_TRUST,
  createRole,
  denied,
  iamClient,
  type Keys,
  keysOf,
  policy,
  rejectsWith,
  stsClient,
} from './sts-fixtures.js'

const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/revocable`
const sessionArn = (name: string) => `arn:aws:sts::${ACCOUNT}:assumed-role/revocable/${name}`

/** The stores two processes can share: one SQLite data dir; one PostgreSQL schema when CI provides a database. */
const STORES: readonly {
  readonly name: string
  readonly env: () => NodeJS.ProcessEnv
  dispose(env: NodeJS.ProcessEnv): Promise<void>
}[] = [
  { name: 'SQLite', env: () => ({}), dispose: async () => {} },
  ...(process.env.LANYARD_TEST_POSTGRES_URL
    ? [
        {
          name: 'PostgreSQL',
          env: () => ({
            LANYARD_DATABASE_URL: process.env.LANYARD_TEST_POSTGRES_URL,
            LANYARD_DATABASE_SCHEMA: `lanyard_e2e_${randomBytes(6).toString('hex')}`,
          }),
          async dispose(env: NodeJS.ProcessEnv) {
            const client = new pg.Client({ connectionString: env.LANYARD_DATABASE_URL })
            await client.connect()
            await client.query(`drop schema if exists "${env.LANYARD_DATABASE_SCHEMA}" cascade`)
            await client.end()
          },
        },
      ]
    : []),
]

/** Retries `check` until it passes or one second has gone by: another process hears of a write within a second. */
async function withinOneSecond(check: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 1000
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
}

for (const kind of STORES)
  describe(`e2e: revoking a role’s sessions across two processes on ${kind.name} (lanyard iam revoke-sessions, AWSRevokeOlderSessions)`, () => {
    const env = kind.env()
    let server: TestServer
    /** A second server on the same data: sessions and revocations must hold in every process. */
    let twin: RunningApp
    const assume = async (name: string): Promise<Keys> =>
      keysOf(
        (
          await stsClient(server.url, server.credentials).send(
            new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: name }),
          )
        ).Credentials,
      )
    const getRole = (url: string, keys: Keys) =>
      iamClient(url, keys).send(new GetRoleCommand({ RoleName: 'revocable' }))

    before(async () => {
      server = await startTestServer({ ...env, LANYARD_LOG_LEVEL: 'warn' })
      twin = await startApp(
        resolveConfig(
          { host: '127.0.0.1', port: 0, dataDir: server.dataDir },
          { ...env, LANYARD_LOG_LEVEL: 'warn' },
        ),
      )
      await createRole(server.url, server.credentials, server.app.store, 'revocable', ACCOUNT_TRUST, [
        policy({ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }),
      ])
    })
    after(async () => {
      await twin.stop()
      await server.stop()
      await kind.dispose(env)
    })

    it('the policy is the one the IAM console writes', () => {
      assert.equal(
        revokeOlderSessionsPolicy(new Date('2026-11-28T12:00:00.123Z')),
        '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["*"],"Resource":["*"],"Condition":{"DateLessThan":{"aws:TokenIssueTime":"2026-11-28T12:00:00.123Z"}}}]}',
      )
    })

    it('a session issued before the revocation is denied in every process; one issued after works', async () => {
      const older = await assume('older')
      assert.equal((await getRole(server.url, older)).Role?.Arn, ROLE_ARN)
      // The twin opens the token with the ring key it finds in the shared store.
      assert.equal((await getRole(twin.url, older)).Role?.Arn, ROLE_ARN)
      await new Promise((resolve) => setTimeout(resolve, 5))
      const at = await runRevokeSessions(
        { role: 'revocable', dataDir: server.dataDir },
        { AWS_ENDPOINT_URL: server.url, PATH: process.env.PATH },
      )
      const stored = await iamClient(server.url, server.credentials).send(
        new GetRolePolicyCommand({ RoleName: 'revocable', PolicyName: REVOKE_POLICY_NAME }),
      )
      assert.equal(decodeURIComponent(stored.PolicyDocument!), revokeOlderSessionsPolicy(at))
      for (const url of [server.url, twin.url])
        await withinOneSecond(() =>
          rejectsWith(
            getRole(url, older),
            'AccessDenied',
            403,
            denied(sessionArn('older'), 'iam:GetRole', ROLE_ARN),
          ),
        )
      await new Promise((resolve) => setTimeout(resolve, 5))
      const newer = await assume('newer')
      assert.equal((await getRole(server.url, newer)).Role?.Arn, ROLE_ARN)
      assert.equal((await getRole(twin.url, newer)).Role?.Arn, ROLE_ARN)
    })
  })
