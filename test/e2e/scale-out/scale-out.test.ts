import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  GetUserCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam'
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
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
  type RoundRobinProxy,
  roundRobinProxy,
  SKIP_REASON,
  startProcess,
  within,
} from './cluster.js'

if (POSTGRES_URL === undefined) console.log(`# skipped: ${SKIP_REASON}`)

const USER_ARN = (name: string) => `arn:aws:iam::${ACCOUNT}:user/${name}`

/** Rejects with `code`, whatever the message. */
async function failsWith(call: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(call, (error: { name?: string; Code?: string }) => {
    assert.equal(error.Code ?? error.name, code)
    return true
  })
}

describe('e2e: three Lanyard processes on one PostgreSQL schema behind a round-robin proxy', {
  skip: POSTGRES_URL === undefined ? SKIP_REASON : false,
}, () => {
  let env: ClusterEnv
  let processes: LanyardProcess[] = []
  let proxy: RoundRobinProxy
  let admin: Keys

  before(async () => {
    env = clusterEnv(POSTGRES_URL!)
    // All three start at once on an empty schema: migrations, managed-policy seeding and the default
    // account race, and exactly one of them creates the account.
    processes = await Promise.all([startProcess(env), startProcess(env), startProcess(env)])
    admin = await adminKeys(processes)
    proxy = await roundRobinProxy(processes.map((p) => p.url))
  })
  after(async () => {
    await proxy?.close()
    await Promise.all(processes.map((p) => p.stop()))
    if (env !== undefined) await dropSchema(env.LANYARD_DATABASE_URL, env.LANYARD_DATABASE_SCHEMA)
  })

  it('started together on an empty schema, every process serves the one default account', async () => {
    const written = processes.filter((p) => existsSync(join(p.dataDir, 'credentials')))
    assert.equal(written.length, 1)
    for (const p of processes) {
      const who = await stsClient(p.url, admin).send(new GetCallerIdentityCommand({}))
      assert.equal(who.Account, ACCOUNT)
    }
  })

  it('requests spread over the processes through the proxy all succeed', async () => {
    const client = iamClient(proxy.url, admin)
    await client.send(new CreateUserCommand({ UserName: 'through-proxy' }))
    for (let i = 0; i < 12; i++) {
      const user = await client.send(new GetUserCommand({ UserName: 'through-proxy' }))
      assert.equal(user.User?.Arn, USER_ARN('through-proxy'))
    }
  })

  it('an access key created on one process signs on every other within one second; deleted, it stops within one second', async () => {
    const [a, b, c] = processes as [LanyardProcess, LanyardProcess, LanyardProcess]
    await iamClient(a.url, admin).send(new CreateUserCommand({ UserName: 'keyed' }))
    await iamClient(a.url, admin).send(
      new PutUserPolicyCommand({
        UserName: 'keyed',
        PolicyName: 'self',
        PolicyDocument: policy({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }),
      }),
    )
    const created = await iamClient(a.url, admin).send(new CreateAccessKeyCommand({ UserName: 'keyed' }))
    const keys = keysOf(created.AccessKey)
    for (const p of [b, c])
      await within(1000, async () => {
        const user = await iamClient(p.url, keys).send(new GetUserCommand({}))
        assert.equal(user.User?.Arn, USER_ARN('keyed'))
      })
    await iamClient(a.url, admin).send(
      new DeleteAccessKeyCommand({ UserName: 'keyed', AccessKeyId: keys.accessKeyId }),
    )
    for (const p of [b, c])
      await within(1000, () =>
        failsWith(iamClient(p.url, keys).send(new GetUserCommand({})), 'InvalidClientTokenId'),
      )
  })

  it('a deny policy attached through one process is enforced by every other within one second', async () => {
    const [a, b, c] = processes as [LanyardProcess, LanyardProcess, LanyardProcess]
    const iam = iamClient(a.url, admin)
    await iam.send(new CreateUserCommand({ UserName: 'denied-later' }))
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'denied-later',
        PolicyName: 'self',
        PolicyDocument: policy({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }),
      }),
    )
    const keys = keysOf((await iam.send(new CreateAccessKeyCommand({ UserName: 'denied-later' }))).AccessKey)
    // Both other processes cache the caller's policies first.
    for (const p of [b, c])
      await within(1000, async () => {
        await iamClient(p.url, keys).send(new GetUserCommand({}))
      })
    const deny = await iam.send(
      new CreatePolicyCommand({
        PolicyName: 'deny-get-user',
        PolicyDocument: policy({ Effect: 'Deny', Action: 'iam:GetUser', Resource: '*' }),
      }),
    )
    await iam.send(new AttachUserPolicyCommand({ UserName: 'denied-later', PolicyArn: deny.Policy!.Arn! }))
    for (const p of [b, c])
      await within(1000, () => failsWith(iamClient(p.url, keys).send(new GetUserCommand({})), 'AccessDenied'))
  })

  it('a session assumed on one process works on the others, and its revocation holds on every one within one second', async () => {
    const [a, b, c] = processes as [LanyardProcess, LanyardProcess, LanyardProcess]
    const iam = iamClient(a.url, admin)
    await iam.send(new CreateRoleCommand({ RoleName: 'shared', AssumeRolePolicyDocument: ACCOUNT_TRUST }))
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'shared',
        PolicyName: 'read',
        PolicyDocument: policy({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }),
      }),
    )
    const session = await within(1000, async () => {
      await stsClient(b.url, admin).send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/shared`, RoleSessionName: 'probe' }),
      )
    }).then(async () =>
      keysOf(
        (
          await stsClient(b.url, admin).send(
            new AssumeRoleCommand({
              RoleArn: `arn:aws:iam::${ACCOUNT}:role/shared`,
              RoleSessionName: 'early',
            }),
          )
        ).Credentials,
      ),
    )
    for (const p of [a, b, c]) {
      const who = await stsClient(p.url, session).send(new GetCallerIdentityCommand({}))
      assert.equal(who.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/shared/early`)
      await iamClient(p.url, session).send(new GetUserCommand({ UserName: 'through-proxy' }))
    }
    await new Promise((resolve) => setTimeout(resolve, 5))
    // What `lanyard iam revoke-sessions` and the IAM console write: deny sessions issued before now.
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'shared',
        PolicyName: 'AWSRevokeOlderSessions',
        PolicyDocument: policy({
          Effect: 'Deny',
          Action: ['*'],
          Resource: ['*'],
          Condition: { DateLessThan: { 'aws:TokenIssueTime': new Date().toISOString() } },
        }),
      }),
    )
    for (const p of [b, c])
      await within(1000, () =>
        failsWith(
          iamClient(p.url, session).send(new GetUserCommand({ UserName: 'through-proxy' })),
          'AccessDenied',
        ),
      )
  })
})
