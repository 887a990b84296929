import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutResourcePolicyCommand,
  PutSecretValueCommand,
} from '@aws-sdk/client-secrets-manager'
import { AssumeRoleCommand } from '@aws-sdk/client-sts'
import { addAccount } from '../../../src/app.js'
import { resolveConfig } from '../../../src/server/index.js'
import { startTestServer, type TestServer } from '../start.js'
import {
  ACCOUNT,
  ACCOUNT_TRUST,
  createRole,
  keysOf,
  policy,
  rejectsWith,
  stsClient,
} from '../sts/sts-fixtures.js'
import { implicitlyDenied, secretsClient } from './fixtures.js'

describe('e2e: Secrets Manager authorization (role sessions, tags, secret policies)', () => {
  let server: TestServer
  let secretArn: string
  let otherArn: string
  const admin = () => secretsClient(server.url, server.credentials)
  const session = async (role: string) => {
    const out = await stsClient(server.url, server.credentials).send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/${role}`, RoleSessionName: 'sess' }),
    )
    return secretsClient(server.url, keysOf(out.Credentials))
  }

  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
    const store = server.app.store
    // Reads secrets tagged team=blue only; may describe anything.
    await createRole(server.url, server.credentials, store, 'reader', ACCOUNT_TRUST, [
      policy(
        {
          Effect: 'Allow',
          Action: 'secretsmanager:GetSecretValue',
          Resource: '*',
          Condition: { StringEquals: { 'secretsmanager:ResourceTag/team': 'blue' } },
        },
        { Effect: 'Allow', Action: 'secretsmanager:DescribeSecret', Resource: '*' },
      ),
    ])
    await createRole(server.url, server.credentials, store, 'writer', ACCOUNT_TRUST, [
      policy({ Effect: 'Allow', Action: 'secretsmanager:*', Resource: '*' }),
    ])
    await createRole(server.url, server.credentials, store, 'creator', ACCOUNT_TRUST, [
      policy({
        Effect: 'Allow',
        Action: ['secretsmanager:CreateSecret', 'secretsmanager:TagResource'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:RequestTag/owner': 'me' } },
      }),
    ])
    secretArn = (
      await admin().send(
        new CreateSecretCommand({
          Name: 'blue/db',
          SecretString: 'b',
          Tags: [{ Key: 'team', Value: 'blue' }],
        }),
      )
    ).ARN!
    otherArn = (await admin().send(new CreateSecretCommand({ Name: 'red/db', SecretString: 'r' }))).ARN!
  })
  after(() => server.stop())

  it('a role session reads only the secrets its policy allows by tag, with AccessDeniedException otherwise', async () => {
    const reader = await session('reader')
    assert.equal((await reader.send(new GetSecretValueCommand({ SecretId: 'blue/db' }))).SecretString, 'b')
    const caller = `arn:aws:sts::${ACCOUNT}:assumed-role/reader/sess`
    await rejectsWith(
      reader.send(new GetSecretValueCommand({ SecretId: 'red/db' })),
      'AccessDeniedException',
      400,
      implicitlyDenied(caller, 'secretsmanager:GetSecretValue', otherArn),
    )
    await rejectsWith(
      reader.send(new PutSecretValueCommand({ SecretId: 'blue/db', SecretString: 'x' })),
      'AccessDeniedException',
      400,
      implicitlyDenied(caller, 'secretsmanager:PutSecretValue', secretArn),
    )
  })

  it('a secret policy that denies wins over an identity policy that allows', async () => {
    await admin().send(
      new PutResourcePolicyCommand({
        SecretId: 'blue/db',
        ResourcePolicy: policy({
          Effect: 'Deny',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/writer` },
          Action: 'secretsmanager:GetSecretValue',
          Resource: '*',
        }),
      }),
    )
    const writer = await session('writer')
    await rejectsWith(
      writer.send(new GetSecretValueCommand({ SecretId: 'blue/db' })),
      'AccessDeniedException',
      400,
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/writer/sess is not authorized to perform: secretsmanager:GetSecretValue on resource: ${secretArn} with an explicit deny in a resource-based policy`,
    )
    assert.equal((await writer.send(new DescribeSecretCommand({ SecretId: 'blue/db' }))).ARN, secretArn)
    assert.equal((await writer.send(new GetSecretValueCommand({ SecretId: 'red/db' }))).SecretString, 'r')
  })

  it('CreateSecret is authorized on the ARN it creates, suffix included', async () => {
    await createRole(server.url, server.credentials, server.app.store, 'suffixed', ACCOUNT_TRUST, [
      policy({
        Effect: 'Allow',
        Action: 'secretsmanager:CreateSecret',
        Resource: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:team/*-??????`,
      }),
    ])
    const creator = await session('suffixed')
    const out = await creator.send(new CreateSecretCommand({ Name: 'team/x', SecretString: 'v' }))
    assert.match(out.ARN!, /:secret:team\/x-[A-Za-z0-9]{6}$/)
    await rejectsWith(
      creator.send(new CreateSecretCommand({ Name: 'other/x' })),
      'AccessDeniedException',
      400,
      /other\/x-/,
    )
  })

  it('an explicit deny in an identity policy is named as such', async () => {
    await createRole(server.url, server.credentials, server.app.store, 'no-values', ACCOUNT_TRUST, [
      policy(
        { Effect: 'Allow', Action: 'secretsmanager:*', Resource: '*' },
        { Effect: 'Deny', Action: 'secretsmanager:GetSecretValue', Resource: '*' },
      ),
    ])
    const client = await session('no-values')
    await rejectsWith(
      client.send(new GetSecretValueCommand({ SecretId: 'red/db' })),
      'AccessDeniedException',
      400,
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/no-values/sess is not authorized to perform: secretsmanager:GetSecretValue on resource: ${otherArn} with an explicit deny in an identity-based policy`,
    )
  })

  it('another account reads a secret only when the secret policy allows it', async () => {
    const other = await addAccount(resolveConfig({ dataDir: server.dataDir }, {}), { id: '444455556666' })
    const theirs = secretsClient(server.url, other)
    const arn = (await admin().send(new CreateSecretCommand({ Name: 'shared/x', SecretString: 'cross' })))
      .ARN!
    await rejectsWith(
      theirs.send(new GetSecretValueCommand({ SecretId: arn })),
      'AccessDeniedException',
      400,
      `User: arn:aws:iam::444455556666:user/admin is not authorized to perform: secretsmanager:GetSecretValue on resource: ${arn} because no resource-based policy allows the secretsmanager:GetSecretValue action`,
    )
    await admin().send(
      new PutResourcePolicyCommand({
        SecretId: arn,
        ResourcePolicy: policy({
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::444455556666:root' },
          Action: 'secretsmanager:GetSecretValue',
          Resource: '*',
        }),
      }),
    )
    assert.equal((await theirs.send(new GetSecretValueCommand({ SecretId: arn }))).SecretString, 'cross')
    // By name the other account finds only its own secrets.
    await rejectsWith(
      theirs.send(new GetSecretValueCommand({ SecretId: 'shared/x' })),
      'ResourceNotFoundException',
      400,
      "Secrets Manager can't find the specified secret.",
    )
  })

  it('aws:RequestTag conditions decide CreateSecret with tags', async () => {
    const creator = await session('creator')
    await creator.send(new CreateSecretCommand({ Name: 'mine', Tags: [{ Key: 'owner', Value: 'me' }] }))
    await rejectsWith(
      creator.send(new CreateSecretCommand({ Name: 'theirs', Tags: [{ Key: 'owner', Value: 'you' }] })),
      'AccessDeniedException',
      400,
      new RegExp(
        `^User: arn:aws:sts::${ACCOUNT}:assumed-role/creator/sess is not authorized to perform: secretsmanager:CreateSecret on resource: arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:theirs-[A-Za-z0-9]{6} because no identity-based policy allows the secretsmanager:CreateSecret action$`,
      ),
    )
  })
})
