import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  AttachUserPolicyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  DeletePolicyVersionCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  type IAMClient,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  PutUserPolicyCommand,
  SetDefaultPolicyVersionCommand,
} from '@aws-sdk/client-iam'
import { startTestServer, type TestServer } from '../start.js'
import {
  addUser,
  adminOf,
  allowing,
  awsPolicyArn,
  denied,
  doc,
  localPolicyArn,
  rejects,
} from './policy-fixtures.js'

const V1 = doc(allowing('s3:GetObject', 'arn:aws:s3:::bucket/*'))
const versionText = (n: number) => doc(allowing('s3:GetObject', `arn:aws:s3:::bucket-${n}/*`))

describe('e2e iam: managed policy versions', () => {
  let server: TestServer
  let admin: IAMClient
  const arn = localPolicyArn('Versioned')
  before(async () => {
    server = await startTestServer()
    admin = adminOf(server)
    await admin.send(new CreatePolicyCommand({ PolicyName: 'Versioned', PolicyDocument: V1 }))
  })
  after(() => server.stop())

  it('CreatePolicyVersion adds v2, v3 … and SetAsDefault makes the new one the default', async () => {
    const v2 = (
      await admin.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: versionText(2) }))
    ).PolicyVersion!
    assert.equal(v2.VersionId, 'v2')
    assert.equal(v2.IsDefaultVersion, false)
    assert.equal(v2.Document, undefined)
    const v3 = (
      await admin.send(
        new CreatePolicyVersionCommand({
          PolicyArn: arn,
          PolicyDocument: versionText(3),
          SetAsDefault: true,
        }),
      )
    ).PolicyVersion!
    assert.equal(v3.VersionId, 'v3')
    assert.equal(v3.IsDefaultVersion, true)
    assert.equal((await admin.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.DefaultVersionId, 'v3')
  })

  it('a sixth version is LimitExceeded', async () => {
    await admin.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: versionText(4) }))
    await admin.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: versionText(5) }))
    await rejects(
      admin.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: versionText(6) })),
      'LimitExceededException',
      'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
      409,
    )
  })

  it('ListPolicyVersions lists newest first with the default flagged', async () => {
    const out = await admin.send(new ListPolicyVersionsCommand({ PolicyArn: arn }))
    assert.deepEqual(
      out.Versions?.map((v) => [v.VersionId, v.IsDefaultVersion]),
      [
        ['v5', false],
        ['v4', false],
        ['v3', true],
        ['v2', false],
        ['v1', false],
      ],
    )
    const page = await admin.send(new ListPolicyVersionsCommand({ PolicyArn: arn, MaxItems: 2 }))
    assert.equal(page.IsTruncated, true)
    const rest = await admin.send(new ListPolicyVersionsCommand({ PolicyArn: arn, Marker: page.Marker }))
    assert.deepEqual(
      rest.Versions?.map((v) => v.VersionId),
      ['v3', 'v2', 'v1'],
    )
  })

  it('GetPolicyVersion returns the document URL-encoded, byte for byte', async () => {
    const spaced =
      '{ "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "sqs:*", "Resource": "*"}] }'
    await admin.send(new CreatePolicyCommand({ PolicyName: 'Spaced', PolicyDocument: spaced }))
    const out = await admin.send(
      new GetPolicyVersionCommand({ PolicyArn: localPolicyArn('Spaced'), VersionId: 'v1' }),
    )
    assert.equal(out.PolicyVersion?.Document, encodeURIComponent(spaced))
    assert.equal(out.PolicyVersion?.IsDefaultVersion, true)
    await rejects(
      admin.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v9' })),
      'NoSuchEntityException',
      `Policy ${arn} version v9 does not exist or is not attachable.`,
      404,
    )
  })

  it('SetDefaultPolicyVersion and DeletePolicyVersion; ids are never reused', async () => {
    await admin.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }))
    await rejects(
      admin.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' })),
      'DeleteConflictException',
      'Cannot delete the default version of a policy.',
      409,
    )
    await rejects(
      admin.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v7' })),
      'NoSuchEntityException',
      `Policy ${arn} version v7 does not exist or is not attachable.`,
      404,
    )
    await admin.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v5' }))
    const v6 = await admin.send(
      new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: versionText(6) }),
    )
    assert.equal(v6.PolicyVersion?.VersionId, 'v6')
    await assert.rejects(admin.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'x1' })), {
      name: 'ValidationError',
    })
  })

  it('escalation by a new default version needs iam:CreatePolicyVersion on that very policy', async () => {
    const devArn = localPolicyArn('DevPolicy')
    await admin.send(new CreatePolicyCommand({ PolicyName: 'DevPolicy', PolicyDocument: V1 }))
    const dev = await addUser(server, 'dev', [
      doc(allowing('iam:CreatePolicyVersion', localPolicyArn('Other'))),
    ])
    await admin.send(new AttachUserPolicyCommand({ UserName: 'dev', PolicyArn: devArn }))
    const everything = doc(allowing('*'))
    const escalate = new CreatePolicyVersionCommand({
      PolicyArn: devArn,
      PolicyDocument: everything,
      SetAsDefault: true,
    })
    await rejects(
      dev.client.send(escalate),
      'AccessDenied',
      denied('dev', 'iam:CreatePolicyVersion', devArn),
      403,
    )
    await rejects(
      dev.client.send(new ListPoliciesCommand({})),
      'AccessDenied',
      denied('dev', 'iam:ListPolicies', '*'),
      403,
    )
    // AWS managed policies belong to AWS: no grant lets a customer write a version of one.
    const admins = awsPolicyArn('AdministratorAccess')
    await admin.send(
      new PutUserPolicyCommand({
        UserName: 'dev',
        PolicyName: 'versions',
        PolicyDocument: doc(allowing('iam:CreatePolicyVersion')),
      }),
    )
    await rejects(
      dev.client.send(new CreatePolicyVersionCommand({ PolicyArn: admins, PolicyDocument: everything })),
      'AccessDenied',
      denied('dev', 'iam:CreatePolicyVersion', admins),
      403,
    )
    const created = await dev.client.send(escalate)
    assert.equal(created.PolicyVersion?.IsDefaultVersion, true)
    // The new default version is in force on the very next request.
    const listed = await dev.client.send(new ListPoliciesCommand({ Scope: 'Local' }))
    assert.ok(listed.Policies?.some((p) => p.PolicyName === 'DevPolicy'))
  })
})
