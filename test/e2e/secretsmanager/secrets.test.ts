import assert from 'node:assert/strict'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import {
  CreateSecretCommand,
  DeleteResourcePolicyCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetResourcePolicyCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  PutResourcePolicyCommand,
  PutSecretValueCommand,
  RestoreSecretCommand,
  SecretsManagerClient,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateSecretCommand,
} from '@aws-sdk/client-secrets-manager'
import Database from 'better-sqlite3'
import { startTestServer, type TestServer } from '../start.js'
import { ACCOUNT, rejectsWith } from '../sts/sts-fixtures.js'
import { secretsClient } from './fixtures.js'

const NOT_FOUND = "Secrets Manager can't find the specified secret."
const MARKED = "You can't perform this operation on the secret because it was marked for deletion."
const TOKEN_A = 'a'.repeat(32)

describe('e2e: Secrets Manager (SDK v3)', () => {
  let server: TestServer
  const sm = () => secretsClient(server.url, server.credentials)

  before(async () => {
    server = await startTestServer()
  })
  after(() => server.stop())

  it('creates a secret with an ARN carrying a six-character suffix and reads it by name, ARN and partial ARN', async () => {
    const created = await sm().send(
      new CreateSecretCommand({
        Name: 'prod/db',
        SecretString: '{"password":"s3cr3t-value"}',
        Description: 'database',
        KmsKeyId: 'alias/aws/secretsmanager',
        Tags: [{ Key: 'cluster', Value: 'c1' }],
      }),
    )
    assert.match(
      created.ARN!,
      new RegExp(`^arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/db-[A-Za-z0-9]{6}$`),
    )
    assert.equal(created.Name, 'prod/db')
    assert.match(created.VersionId!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const partial = created.ARN!.slice(0, -7)
    for (const id of ['prod/db', created.ARN!, partial]) {
      const got = await sm().send(new GetSecretValueCommand({ SecretId: id }))
      assert.equal(got.SecretString, '{"password":"s3cr3t-value"}')
      assert.equal(got.ARN, created.ARN)
      assert.deepEqual(got.VersionStages, ['AWSCURRENT'])
      assert.equal(got.VersionId, created.VersionId)
    }
    const elsewhere = new SecretsManagerClient({
      endpoint: server.url,
      region: 'eu-west-1',
      credentials: server.credentials,
      maxAttempts: 1,
    })
    await rejectsWith(
      elsewhere.send(new GetSecretValueCommand({ SecretId: created.ARN! })),
      'ResourceNotFoundException',
      400,
      NOT_FOUND,
    )
    const described = await sm().send(new DescribeSecretCommand({ SecretId: 'prod/db' }))
    assert.equal(described.Description, 'database')
    assert.equal(described.KmsKeyId, 'alias/aws/secretsmanager')
    assert.deepEqual(described.Tags, [{ Key: 'cluster', Value: 'c1' }])
    assert.deepEqual(described.VersionIdsToStages, { [created.VersionId!]: ['AWSCURRENT'] })
    assert.ok(described.CreatedDate instanceof Date)
    assert.equal(described.DeletedDate, undefined)
  })

  it('keeps values sealed at rest: the raw table holds no plaintext', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'sealed', SecretString: 'plaintext-canary-42' }))
    await sm().send(
      new PutSecretValueCommand({ SecretId: 'sealed', SecretBinary: Buffer.from('binary-canary-43') }),
    )
    const db = new Database(join(server.dataDir, 'lanyard.db'), { readonly: true })
    try {
      const rows = db.prepare('select * from secret_versions').all()
      const resources = db.prepare("select * from cloud_resources where service = 'secretsmanager'").all()
      const raw = JSON.stringify([rows, resources])
      assert.ok(rows.length >= 2)
      assert.ok(!raw.includes('plaintext-canary-42'))
      assert.ok(!raw.includes('binary-canary-43'))
      assert.ok(!raw.includes(Buffer.from('binary-canary-43').toString('base64')))
    } finally {
      db.close()
    }
    const got = await sm().send(new GetSecretValueCommand({ SecretId: 'sealed' }))
    assert.equal(Buffer.from(got.SecretBinary!).toString(), 'binary-canary-43')
    await server.app.flushAudit()
    const audit = new Database(join(server.dataDir, 'lanyard.db'), { readonly: true })
    try {
      const events = JSON.stringify(audit.prepare('select * from audit_events').all())
      assert.ok(events.includes('GetSecretValue'))
      assert.ok(!events.includes('plaintext-canary-42'))
      assert.ok(!events.includes(Buffer.from('binary-canary-43').toString('base64')))
    } finally {
      audit.close()
    }
  })

  it('moves AWSCURRENT and AWSPREVIOUS on PutSecretValue, and a ClientRequestToken is idempotent', async () => {
    const first = await sm().send(new CreateSecretCommand({ Name: 'rotating', SecretString: 'v1' }))
    const second = await sm().send(
      new PutSecretValueCommand({ SecretId: 'rotating', SecretString: 'v2', ClientRequestToken: TOKEN_A }),
    )
    assert.equal(second.VersionId, TOKEN_A)
    assert.deepEqual(second.VersionStages, ['AWSCURRENT'])
    const again = await sm().send(
      new PutSecretValueCommand({ SecretId: 'rotating', SecretString: 'v2', ClientRequestToken: TOKEN_A }),
    )
    assert.equal(again.VersionId, TOKEN_A)
    await rejectsWith(
      sm().send(
        new PutSecretValueCommand({ SecretId: 'rotating', SecretString: 'v3', ClientRequestToken: TOKEN_A }),
      ),
      'ResourceExistsException',
      400,
      "You can't modify an existing version, you can only create a new version.",
    )
    const previous = await sm().send(
      new GetSecretValueCommand({ SecretId: 'rotating', VersionStage: 'AWSPREVIOUS' }),
    )
    assert.equal(previous.SecretString, 'v1')
    assert.equal(previous.VersionId, first.VersionId)
    const byId = await sm().send(new GetSecretValueCommand({ SecretId: 'rotating', VersionId: TOKEN_A }))
    assert.equal(byId.SecretString, 'v2')
    const described = await sm().send(new DescribeSecretCommand({ SecretId: 'rotating' }))
    assert.deepEqual(described.VersionIdsToStages, {
      [first.VersionId!]: ['AWSPREVIOUS'],
      [TOKEN_A]: ['AWSCURRENT'],
    })
    await rejectsWith(
      sm().send(new GetSecretValueCommand({ SecretId: 'rotating', VersionId: 'b'.repeat(32) })),
      'ResourceNotFoundException',
      400,
      `Secrets Manager can't find the specified secret value for VersionId: ${'b'.repeat(32)}`,
    )
    await rejectsWith(
      sm().send(new GetSecretValueCommand({ SecretId: 'rotating', VersionStage: 'NOPE' })),
      'ResourceNotFoundException',
      400,
      "Secrets Manager can't find the specified secret value for staging label: NOPE",
    )
    await rejectsWith(
      sm().send(new PutSecretValueCommand({ SecretId: 'rotating' })),
      'InvalidRequestException',
      400,
      'You must provide either SecretString or SecretBinary.',
    )
  })

  it('concurrent PutSecretValue calls all land, and exactly one version is AWSCURRENT', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'raced', SecretString: 'v0' }))
    const outs = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        sm().send(new PutSecretValueCommand({ SecretId: 'raced', SecretString: `v${i}` })),
      ),
    )
    const stages = (await sm().send(new DescribeSecretCommand({ SecretId: 'raced' }))).VersionIdsToStages!
    for (const out of outs) assert.ok(out.VersionId)
    const labels = Object.values(stages).flat()
    assert.equal(labels.filter((l) => l === 'AWSCURRENT').length, 1)
    assert.equal(labels.filter((l) => l === 'AWSPREVIOUS').length, 1)
  })

  it('answers AWS errors for missing, duplicate and badly named secrets', async () => {
    await rejectsWith(
      sm().send(new GetSecretValueCommand({ SecretId: 'missing' })),
      'ResourceNotFoundException',
      400,
      NOT_FOUND,
    )
    await sm().send(new CreateSecretCommand({ Name: 'dup', SecretString: 'x' }))
    await rejectsWith(
      sm().send(new CreateSecretCommand({ Name: 'dup', SecretString: 'y' })),
      'ResourceExistsException',
      400,
      'The operation failed because the secret dup already exists.',
    )
    await rejectsWith(
      sm().send(new CreateSecretCommand({ Name: 'bad name' })),
      'ValidationException',
      400,
      'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!',
    )
    await rejectsWith(
      sm().send(new CreateSecretCommand({ Name: 'both', SecretString: 'a', SecretBinary: Buffer.from('b') })),
      'InvalidParameterException',
      400,
      "You can't specify both a binary secret value and a string secret value in the same secret.",
    )
    const empty = await sm().send(new CreateSecretCommand({ Name: 'empty' }))
    assert.equal(empty.VersionId, undefined)
    await rejectsWith(
      sm().send(new GetSecretValueCommand({ SecretId: 'empty' })),
      'ResourceNotFoundException',
      400,
      "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT",
    )
  })

  it('schedules deletion, refuses access meanwhile, restores, and force-deletes', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'doomed', SecretString: 'x' }))
    await rejectsWith(
      sm().send(
        new DeleteSecretCommand({
          SecretId: 'doomed',
          RecoveryWindowInDays: 7,
          ForceDeleteWithoutRecovery: true,
        }),
      ),
      'InvalidParameterException',
      400,
      "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
    )
    await rejectsWith(
      sm().send(new DeleteSecretCommand({ SecretId: 'doomed', RecoveryWindowInDays: 6 })),
      'InvalidParameterException',
      400,
      'The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).',
    )
    const before = Date.now()
    const deleted = await sm().send(new DeleteSecretCommand({ SecretId: 'doomed', RecoveryWindowInDays: 7 }))
    const days = (deleted.DeletionDate!.getTime() - before) / 86_400_000
    assert.ok(days > 6.99 && days < 7.01, String(days))
    const described = await sm().send(new DescribeSecretCommand({ SecretId: 'doomed' }))
    assert.ok(described.DeletedDate instanceof Date)
    await rejectsWith(
      sm().send(new GetSecretValueCommand({ SecretId: 'doomed' })),
      'InvalidRequestException',
      400,
      MARKED,
    )
    await rejectsWith(
      sm().send(new CreateSecretCommand({ Name: 'doomed' })),
      'InvalidRequestException',
      400,
      "You can't create this secret because a secret with this name is already scheduled for deletion.",
    )
    const listed = await sm().send(new ListSecretsCommand({}))
    assert.ok(!listed.SecretList!.some((s) => s.Name === 'doomed'))
    await sm().send(new RestoreSecretCommand({ SecretId: 'doomed' }))
    assert.equal((await sm().send(new GetSecretValueCommand({ SecretId: 'doomed' }))).SecretString, 'x')
    await sm().send(new DeleteSecretCommand({ SecretId: 'doomed', ForceDeleteWithoutRecovery: true }))
    await rejectsWith(
      sm().send(new DescribeSecretCommand({ SecretId: 'doomed' })),
      'ResourceNotFoundException',
      400,
      NOT_FOUND,
    )
    await sm().send(new CreateSecretCommand({ Name: 'doomed', SecretString: 'again' }))
  })

  it('updates description and value, tags and untags, and lists with filters and pages', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'app/one', SecretString: '1', Description: 'First App' }))
    await sm().send(new CreateSecretCommand({ Name: 'app/two', SecretString: '2' }))
    const updated = await sm().send(
      new UpdateSecretCommand({ SecretId: 'app/two', Description: 'second', SecretString: '2b' }),
    )
    assert.ok(updated.VersionId)
    assert.equal((await sm().send(new GetSecretValueCommand({ SecretId: 'app/two' }))).SecretString, '2b')
    await sm().send(
      new TagResourceCommand({
        SecretId: 'app/two',
        Tags: [
          { Key: 'team', Value: 'blue' },
          { Key: 'x', Value: '1' },
        ],
      }),
    )
    await sm().send(new UntagResourceCommand({ SecretId: 'app/two', TagKeys: ['x'] }))
    assert.deepEqual((await sm().send(new DescribeSecretCommand({ SecretId: 'app/two' }))).Tags, [
      { Key: 'team', Value: 'blue' },
    ])
    const byName = await sm().send(new ListSecretsCommand({ Filters: [{ Key: 'name', Values: ['app/'] }] }))
    assert.deepEqual(
      byName.SecretList!.map((s) => s.Name),
      ['app/one', 'app/two'],
    )
    const byTag = await sm().send(
      new ListSecretsCommand({ Filters: [{ Key: 'tag-value', Values: ['blue'] }] }),
    )
    assert.deepEqual(
      byTag.SecretList!.map((s) => s.Name),
      ['app/two'],
    )
    const byDescription = await sm().send(
      new ListSecretsCommand({ Filters: [{ Key: 'description', Values: ['first'] }] }),
    )
    assert.deepEqual(
      byDescription.SecretList!.map((s) => s.Name),
      ['app/one'],
    )
    const negated = await sm().send(new ListSecretsCommand({ Filters: [{ Key: 'name', Values: ['!app/'] }] }))
    assert.ok(negated.SecretList!.every((s) => !s.Name!.startsWith('app/')))
    const names: string[] = []
    let token: string | undefined
    do {
      const page = await sm().send(
        new ListSecretsCommand({ MaxResults: 2, ...(token ? { NextToken: token } : {}) }),
      )
      assert.ok(page.SecretList!.length <= 2)
      names.push(...page.SecretList!.map((s) => s.Name!))
      token = page.NextToken
    } while (token)
    const all = await sm().send(new ListSecretsCommand({}))
    assert.deepEqual(
      names,
      all.SecretList!.map((s) => s.Name),
    )
    assert.ok(names.length >= 5)
    await rejectsWith(
      sm().send(new ListSecretsCommand({ NextToken: 'garbage' })),
      'InvalidNextTokenException',
      400,
      'The NextToken value is invalid.',
    )
  })

  it('puts, gets and deletes a resource policy, validated as a resource policy', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'shared', SecretString: 'x' }))
    const document = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: 'secretsmanager:GetSecretValue',
          Resource: '*',
        },
      ],
    })
    await sm().send(new PutResourcePolicyCommand({ SecretId: 'shared', ResourcePolicy: document }))
    assert.equal(
      (await sm().send(new GetResourcePolicyCommand({ SecretId: 'shared' }))).ResourcePolicy,
      document,
    )
    await rejectsWith(
      sm().send(
        new PutResourcePolicyCommand({
          SecretId: 'shared',
          ResourcePolicy:
            '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:*","Resource":"*"}]}',
        }),
      ),
      'MalformedPolicyDocumentException',
      400,
      /.+/,
    )
    const open = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 'secretsmanager:GetSecretValue', Resource: '*' },
      ],
    })
    await rejectsWith(
      sm().send(
        new PutResourcePolicyCommand({ SecretId: 'shared', ResourcePolicy: open, BlockPublicPolicy: true }),
      ),
      'PublicPolicyException',
      400,
      'The BlockPublicPolicy parameter is set to true, and the resource policy did not prevent broad access to the secret.',
    )
    await sm().send(new DeleteResourcePolicyCommand({ SecretId: 'shared' }))
    assert.equal(
      (await sm().send(new GetResourcePolicyCommand({ SecretId: 'shared' }))).ResourcePolicy,
      undefined,
    )
  })
})
