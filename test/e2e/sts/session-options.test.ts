import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { GetRoleCommand } from '@aws-sdk/client-iam'
import { AssumeRoleCommand } from '@aws-sdk/client-sts'
import { PACKED_SPACE_BYTES, packedPolicySize } from '../../../src/services/sts/index.js'
import { startTestServer, type TestServer } from '../start.js'
import {
  ACCOUNT,
  ACCOUNT_TRUST,
  createRole,
  denied,
  iamClient,
  keysOf,
  policy,
  rejectsWith,
  stsClient,
  trust,
} from './sts-fixtures.js'

const ADMIN = `arn:aws:iam::${ACCOUNT}:user/admin`
const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`

describe('e2e: STS AssumeRole session options (SDK v3)', () => {
  let server: TestServer
  const assume = (input: Partial<AssumeRoleCommand['input']> & { RoleArn?: string }) =>
    stsClient(server.url, server.credentials).send(
      new AssumeRoleCommand({ RoleArn: roleArn('tagged'), RoleSessionName: 'opts', ...input }),
    )

  before(async () => {
    server = await startTestServer()
    const store = server.app.store
    await createRole(server.url, server.credentials, store, 'tagged', ACCOUNT_TRUST, [
      policy({ Effect: 'Allow', Action: 'sts:*', Resource: '*' }),
    ])
    await createRole(server.url, server.credentials, store, 'plain', trust({ AWS: ACCOUNT }))
    await createRole(
      server.url,
      server.credentials,
      store,
      'project',
      trust({ AWS: ACCOUNT }, ['sts:AssumeRole', 'sts:TagSession'], {
        StringEquals: { 'aws:RequestTag/Project': 'blue' },
      }),
    )
  })
  after(() => server.stop())

  it('tags need sts:TagSession in the trust policy; SourceIdentity needs sts:SetSourceIdentity', async () => {
    await rejectsWith(
      assume({ RoleArn: roleArn('plain'), Tags: [{ Key: 'Project', Value: 'blue' }] }),
      'AccessDenied',
      403,
      denied(ADMIN, 'sts:TagSession', roleArn('plain')),
    )
    await rejectsWith(
      assume({ RoleArn: roleArn('plain'), SourceIdentity: 'alice' }),
      'AccessDenied',
      403,
      denied(ADMIN, 'sts:SetSourceIdentity', roleArn('plain')),
    )
  })

  it('aws:RequestTag keys are the session tags', async () => {
    assert.ok(
      (await assume({ RoleArn: roleArn('project'), Tags: [{ Key: 'Project', Value: 'blue' }] })).Credentials,
    )
    await rejectsWith(
      assume({ RoleArn: roleArn('project'), Tags: [{ Key: 'Project', Value: 'red' }] }),
      'AccessDenied',
      403,
      denied(ADMIN, 'sts:AssumeRole', roleArn('project')),
    )
  })

  it('tag rules: duplicate keys ignoring case, transitive keys among the tags, no override of inherited transitive keys', async () => {
    await rejectsWith(
      assume({
        Tags: [
          { Key: 'Env', Value: 'a' },
          { Key: 'env', Value: 'b' },
        ],
      }),
      'InvalidParameterValue',
      400,
      'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    )
    await rejectsWith(
      assume({ Tags: [{ Key: 'Env', Value: 'a' }], TransitiveTagKeys: ['Team'] }),
      'InvalidParameterValue',
      400,
      'The specified transitive tag key must be included in the requested tags.',
    )
    const first = await assume({
      Tags: [
        { Key: 'Env', Value: 'prod' },
        { Key: 'Team', Value: 'core' },
      ],
      TransitiveTagKeys: ['Env'],
    })
    const session = stsClient(server.url, keysOf(first.Credentials))
    await rejectsWith(
      session.send(
        new AssumeRoleCommand({
          RoleArn: roleArn('tagged'),
          RoleSessionName: 'c2',
          Tags: [{ Key: 'ENV', Value: 'x' }],
        }),
      ),
      'InvalidParameterValue',
      400,
      "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
    )
    // The inherited transitive tag makes the chained call a tagging call: `plain` does not trust sts:TagSession.
    await rejectsWith(
      session.send(new AssumeRoleCommand({ RoleArn: roleArn('plain'), RoleSessionName: 'c3' })),
      'AccessDenied',
      403,
      denied(`arn:aws:sts::${ACCOUNT}:assumed-role/tagged/opts`, 'sts:TagSession', roleArn('plain')),
    )
  })

  it('SourceIdentity is returned, persists down a chain and cannot be changed', async () => {
    await rejectsWith(
      assume({ SourceIdentity: 'aws:me' }),
      'ValidationError',
      400,
      "1 validation error detected: Value 'aws:me' at 'sourceIdentity' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    )
    const first = await assume({ SourceIdentity: 'alice' })
    assert.equal(first.SourceIdentity, 'alice')
    const session = stsClient(server.url, keysOf(first.Credentials))
    const chained = await session.send(
      new AssumeRoleCommand({ RoleArn: roleArn('tagged'), RoleSessionName: 'c4' }),
    )
    assert.equal(chained.SourceIdentity, 'alice')
    await rejectsWith(
      session.send(
        new AssumeRoleCommand({ RoleArn: roleArn('tagged'), RoleSessionName: 'c5', SourceIdentity: 'bob' }),
      ),
      'AccessDenied',
      403,
      denied(`arn:aws:sts::${ACCOUNT}:assumed-role/tagged/opts`, 'sts:SetSourceIdentity', roleArn('tagged')),
    )
  })

  it('session policies: validated as session policies, PolicyArns must exist, PackedPolicySize as documented', async () => {
    await rejectsWith(
      assume({ Policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*"}]}' }),
      'MalformedPolicyDocumentException',
      400,
      'Policy statement must contain resources.',
    )
    await rejectsWith(
      assume({ PolicyArns: [{ arn: `arn:aws:iam::${ACCOUNT}:policy/none` }] }),
      'MalformedPolicyDocumentException',
      400,
      `Policy arn:aws:iam::${ACCOUNT}:policy/none does not exist or is not attachable.`,
    )
    const sessionPolicy = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })
    const managed = 'arn:aws:iam::aws:policy/ReadOnlyAccess'
    const out = await assume({
      Policy: sessionPolicy,
      PolicyArns: [{ arn: managed }],
      Tags: [{ Key: 'Env', Value: 'prod' }],
    })
    const expected = packedPolicySize({
      policy: sessionPolicy,
      policyArns: [managed],
      tags: [['Env', 'prod']],
      transitiveTagKeys: [],
    })
    assert.ok(expected > 0 && expected < 100)
    assert.equal(out.PackedPolicySize, expected)
  })

  it('PackedPolicyTooLarge past 100% of the allotted space', async () => {
    // Incompressible tag values: 50 × 256 characters pack far beyond PACKED_SPACE_BYTES.
    const tags = Array.from({ length: 50 }, (_, i) => ({
      Key: `k${i}`,
      Value: randomBytes(192).toString('base64'),
    }))
    const percent = packedPolicySize({
      policyArns: [],
      tags: tags.map((t) => [t.Key, t.Value] as const),
      transitiveTagKeys: [],
    })
    assert.ok(percent > 100, `${percent}% of ${PACKED_SPACE_BYTES}`)
    await rejectsWith(
      assume({ Tags: tags }),
      'PackedPolicyTooLargeException',
      400,
      `Packed policy consumes ${percent}% of allotted space, please use smaller policy for request.`,
    )
  })

  it('a session carries its tags as aws:PrincipalTag and its source identity as aws:SourceIdentity', async () => {
    const condition = { StringEquals: { 'aws:PrincipalTag/Env': 'prod', 'aws:SourceIdentity': 'carol' } }
    await createRole(server.url, server.credentials, server.app.store, 'gated', ACCOUNT_TRUST, [
      policy({ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*', Condition: condition }),
    ])
    const session = async (env: string, name: string) =>
      iamClient(
        server.url,
        keysOf(
          (
            await assume({
              RoleArn: roleArn('gated'),
              RoleSessionName: name,
              Tags: [{ Key: 'Env', Value: env }],
              SourceIdentity: 'carol',
            })
          ).Credentials,
        ),
      )
    const prod = await session('prod', 'prod-session')
    assert.equal((await prod.send(new GetRoleCommand({ RoleName: 'plain' }))).Role?.RoleName, 'plain')
    const dev = await session('dev', 'dev-session')
    await rejectsWith(
      dev.send(new GetRoleCommand({ RoleName: 'plain' })),
      'AccessDenied',
      403,
      denied(`arn:aws:sts::${ACCOUNT}:assumed-role/gated/dev-session`, 'iam:GetRole', roleArn('plain')),
    )
  })
})
