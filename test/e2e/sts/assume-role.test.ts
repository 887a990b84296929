import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { GetRoleCommand } from '@aws-sdk/client-iam'
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { startTestServer, type TestServer } from '../start.js'
import {
  ACCOUNT,
  ACCOUNT_TRUST,
  addKey,
  createRole,
  createUser,
  denied,
  iamClient,
  keysOf,
  policy,
  rejectsWith,
  stsClient,
  trust,
} from './sts-fixtures.js'

const ADMIN = `arn:aws:iam::${ACCOUNT}:user/admin`
const roleArn = (name: string, path = '/') => `arn:aws:iam::${ACCOUNT}:role${path}${name}`

describe('e2e: STS AssumeRole (SDK v3)', () => {
  let server: TestServer
  const admin = () => stsClient(server.url, server.credentials)
  const assume = (input: Partial<AssumeRoleCommand['input']> & { RoleArn: string }) =>
    admin().send(new AssumeRoleCommand({ RoleSessionName: 'test', ...input }))

  before(async () => {
    server = await startTestServer()
    const readRoles = policy({ Effect: 'Allow', Action: ['iam:GetRole', 'sts:AssumeRole'], Resource: '*' })
    await createRole(server.url, server.credentials, server.app.store, 'app', ACCOUNT_TRUST, [readRoles], {
      Path: '/team/',
      MaxSessionDuration: 7200,
      Tags: [{ Key: 'Team', Value: 'core' }],
    })
  })
  after(() => server.stop())

  it('returns ASIA credentials, the assumed-role user without the path, and PackedPolicySize 0', async () => {
    const before = Date.now()
    const out = await assume({ RoleArn: roleArn('app', '/team/'), RoleSessionName: 'alice' })
    const role = (
      await iamClient(server.url, server.credentials).send(new GetRoleCommand({ RoleName: 'app' }))
    ).Role!
    assert.match(out.Credentials!.AccessKeyId!, /^ASIA[A-Z2-7]{16}$/)
    assert.match(out.Credentials!.SecretAccessKey!, /^[A-Za-z0-9/+]{40}$/)
    const expires = out.Credentials!.Expiration!.getTime()
    assert.ok(expires >= Math.floor(before / 1000) * 1000 + 3_599_000 && expires <= Date.now() + 3_601_000)
    assert.deepEqual(out.AssumedRoleUser, {
      AssumedRoleId: `${role.RoleId}:alice`,
      Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/app/alice`,
    })
    assert.equal(out.PackedPolicySize, 0)
    assert.equal(out.SourceIdentity, undefined)
    const me = await stsClient(server.url, keysOf(out.Credentials)).send(new GetCallerIdentityCommand({}))
    assert.deepEqual(
      { UserId: me.UserId, Account: me.Account, Arn: me.Arn },
      {
        UserId: `${role.RoleId}:alice`,
        Account: ACCOUNT,
        Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/app/alice`,
      },
    )
    const used = (
      await iamClient(server.url, server.credentials).send(new GetRoleCommand({ RoleName: 'app' }))
    ).Role!
    assert.equal(used.RoleLastUsed?.Region, 'us-east-1')
    assert.ok(used.RoleLastUsed?.LastUsedDate instanceof Date)
  })

  it('a missing role and a path that does not match are the same AccessDenied as a refusal', async () => {
    for (const arn of [roleArn('missing'), roleArn('app')])
      await rejectsWith(assume({ RoleArn: arn }), 'AccessDenied', 403, denied(ADMIN, 'sts:AssumeRole', arn))
  })

  it('the root user may not assume roles', async () => {
    const root = await addKey(server.app.store, undefined)
    await rejectsWith(
      stsClient(server.url, root).send(
        new AssumeRoleCommand({ RoleArn: roleArn('app', '/team/'), RoleSessionName: 'sx' }),
      ),
      'AccessDenied',
      403,
      'Roles may not be assumed by root accounts.',
    )
  })

  it('account-level trust needs an identity allow; a trust naming the user directly does not', async () => {
    const store = server.app.store
    const bob = await createUser(store, 'bob')
    const carol = await createUser(store, 'carol', [
      policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn('shared') }),
    ])
    await createRole(server.url, server.credentials, store, 'shared', ACCOUNT_TRUST)
    await createRole(
      server.url,
      server.credentials,
      store,
      'bobs',
      trust({ AWS: `arn:aws:iam::${ACCOUNT}:user/bob` }),
    )
    const as = (keys: typeof bob, arn: string) =>
      stsClient(server.url, keys).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'sx' }))
    await rejectsWith(
      as(bob, roleArn('shared')),
      'AccessDenied',
      403,
      denied(`arn:aws:iam::${ACCOUNT}:user/bob`, 'sts:AssumeRole', roleArn('shared')),
    )
    assert.ok((await as(carol, roleArn('shared'))).Credentials)
    assert.ok((await as(bob, roleArn('bobs'))).Credentials)
    await rejectsWith(
      as(carol, roleArn('bobs')),
      'AccessDenied',
      403,
      denied(`arn:aws:iam::${ACCOUNT}:user/carol`, 'sts:AssumeRole', roleArn('bobs')),
    )
  })

  it('ExternalId is the sts:ExternalId condition key', async () => {
    await createRole(
      server.url,
      server.credentials,
      server.app.store,
      'vendor',
      trust({ AWS: ACCOUNT }, 'sts:AssumeRole', { StringEquals: { 'sts:ExternalId': 'secret-42' } }),
    )
    const arn = roleArn('vendor')
    await rejectsWith(assume({ RoleArn: arn }), 'AccessDenied', 403, denied(ADMIN, 'sts:AssumeRole', arn))
    await rejectsWith(
      assume({ RoleArn: arn, ExternalId: 'wrong-1' }),
      'AccessDenied',
      403,
      denied(ADMIN, 'sts:AssumeRole', arn),
    )
    assert.ok((await assume({ RoleArn: arn, ExternalId: 'secret-42' })).Credentials)
  })

  it('DurationSeconds: up to the role MaxSessionDuration; a role session may chain for at most one hour', async () => {
    const arn = roleArn('app', '/team/')
    const out = await assume({ RoleArn: arn, DurationSeconds: 7200 })
    assert.ok(out.Credentials!.Expiration!.getTime() > Date.now() + 7_100_000)
    await rejectsWith(
      assume({ RoleArn: arn, DurationSeconds: 7201 }),
      'ValidationError',
      400,
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    )
    await rejectsWith(
      assume({ RoleArn: arn, DurationSeconds: 899 }),
      'ValidationError',
      400,
      "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    )
    const session = stsClient(server.url, keysOf(out.Credentials))
    await rejectsWith(
      session.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'chain', DurationSeconds: 3601 })),
      'ValidationError',
      400,
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    )
    const chained = await session.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'chain' }))
    assert.equal(chained.AssumedRoleUser?.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/app/chain`)
  })

  it('a role session acts with the role policies intersected with its session policy', async () => {
    const store = server.app.store
    await createRole(server.url, server.credentials, store, 'reader', ACCOUNT_TRUST, [
      policy({ Effect: 'Allow', Action: 'iam:GetRole', Resource: roleArn('a*') }),
    ])
    await createRole(server.url, server.credentials, store, 'apple', ACCOUNT_TRUST)
    await createRole(server.url, server.credentials, store, 'avocado', ACCOUNT_TRUST)
    const plain = await assume({ RoleArn: roleArn('reader'), RoleSessionName: 'plain' })
    const iam = iamClient(server.url, keysOf(plain.Credentials))
    assert.equal((await iam.send(new GetRoleCommand({ RoleName: 'apple' }))).Role?.RoleName, 'apple')
    await rejectsWith(
      iam.send(new GetRoleCommand({ RoleName: 'reader' })),
      'AccessDenied',
      403,
      denied(`arn:aws:sts::${ACCOUNT}:assumed-role/reader/plain`, 'iam:GetRole', roleArn('reader')),
    )
    const scoped = await assume({
      RoleArn: roleArn('reader'),
      RoleSessionName: 'scoped',
      Policy: policy({ Effect: 'Allow', Action: 'iam:*', Resource: roleArn('avocado') }),
    })
    assert.ok((scoped.PackedPolicySize ?? 0) > 0)
    const narrowed = iamClient(server.url, keysOf(scoped.Credentials))
    assert.equal((await narrowed.send(new GetRoleCommand({ RoleName: 'avocado' }))).Role?.RoleName, 'avocado')
    await rejectsWith(
      narrowed.send(new GetRoleCommand({ RoleName: 'apple' })),
      'AccessDenied',
      403,
      denied(`arn:aws:sts::${ACCOUNT}:assumed-role/reader/scoped`, 'iam:GetRole', roleArn('apple')),
    )
  })
})
