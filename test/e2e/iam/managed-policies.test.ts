import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  AttachUserPolicyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DetachUserPolicyCommand,
  GetPolicyCommand,
  IAMClient,
  ListEntitiesForPolicyCommand,
  ListPoliciesCommand,
  type ListPoliciesCommandInput,
  ListPolicyTagsCommand,
  TagPolicyCommand,
  UntagPolicyCommand,
} from '@aws-sdk/client-iam'
import { addAccount } from '../../../src/app.js'
import { resolveConfig } from '../../../src/server/index.js'
import { startTestServer, type TestServer } from '../start.js'
import {
  ACCOUNT,
  addUser,
  adminOf,
  allowing,
  awsPolicyArn,
  denied,
  doc,
  localPolicyArn,
  rejects,
  type TestUser,
} from './policy-fixtures.js'

const READ_S3 = doc(allowing('s3:GetObject', 'arn:aws:s3:::bucket/*'))

describe('e2e iam: managed policies', () => {
  let server: TestServer
  let admin: IAMClient
  let reader: TestUser
  before(async () => {
    server = await startTestServer()
    admin = adminOf(server)
    reader = await addUser(server, 'reader', [doc(allowing('s3:ListAllMyBuckets'))])
  })
  after(() => server.stop())

  it('CreatePolicy returns the policy with v1 as default, ANPA id, counts, description and tags', async () => {
    const out = await admin.send(
      new CreatePolicyCommand({
        PolicyName: 'ReadBucket',
        Path: '/team/',
        PolicyDocument: READ_S3,
        Description: 'reads the bucket',
        Tags: [{ Key: 'owner', Value: 'data' }],
      }),
    )
    const policy = out.Policy!
    assert.equal(policy.PolicyName, 'ReadBucket')
    assert.equal(policy.Arn, localPolicyArn('ReadBucket', '/team/'))
    assert.match(policy.PolicyId ?? '', /^ANPA[A-Z2-7]{17}$/)
    assert.equal(policy.DefaultVersionId, 'v1')
    assert.equal(policy.AttachmentCount, 0)
    assert.equal(policy.PermissionsBoundaryUsageCount, 0)
    assert.equal(policy.IsAttachable, true)
    assert.equal(policy.Description, 'reads the bucket')
    assert.deepEqual(policy.Tags, [{ Key: 'owner', Value: 'data' }])
    const got = await admin.send(new GetPolicyCommand({ PolicyArn: policy.Arn }))
    assert.equal(got.Policy?.PolicyId, policy.PolicyId)
    assert.equal(got.Policy?.Description, 'reads the bucket')
  })

  it('a duplicate name, in any case, is EntityAlreadyExists', async () => {
    await rejects(
      admin.send(new CreatePolicyCommand({ PolicyName: 'readbucket', PolicyDocument: READ_S3 })),
      'EntityAlreadyExistsException',
      'A policy called readbucket already exists. Duplicate names are not allowed.',
      409,
    )
  })

  it('the document is validated: size quota, version and syntax', async () => {
    const big = doc(
      allowing(
        's3:GetObject',
        Array.from({ length: 300 }, (_, i) => `arn:aws:s3:::bucket-${i}/*`),
      ),
    )
    await rejects(
      admin.send(new CreatePolicyCommand({ PolicyName: 'Big', PolicyDocument: big })),
      'LimitExceededException',
      'Cannot exceed quota for PolicySize: 6144',
      409,
    )
    const old = JSON.stringify({ Version: '2008-10-17', Statement: [allowing('s3:GetObject')] })
    await assert.rejects(admin.send(new CreatePolicyCommand({ PolicyName: 'Old', PolicyDocument: old })), {
      name: 'MalformedPolicyDocumentException',
    })
    await assert.rejects(
      admin.send(new CreatePolicyCommand({ PolicyName: 'Bad', PolicyDocument: '{"Version":' })),
      {
        name: 'MalformedPolicyDocumentException',
      },
    )
  })

  it('GetPolicy of a missing policy is NoSuchEntity; AWS managed policies are readable', async () => {
    await rejects(
      admin.send(new GetPolicyCommand({ PolicyArn: localPolicyArn('Nope') })),
      'NoSuchEntityException',
      `Policy ${localPolicyArn('Nope')} was not found.`,
      404,
    )
    const out = await admin.send(new GetPolicyCommand({ PolicyArn: awsPolicyArn('AdministratorAccess') }))
    assert.equal(out.Policy?.PolicyName, 'AdministratorAccess')
    assert.equal(out.Policy?.AttachmentCount, 1)
  })

  it('ListPolicies covers Scope, PathPrefix, OnlyAttached and pagination', async () => {
    const names = async (input: ListPoliciesCommandInput) =>
      ((await admin.send(new ListPoliciesCommand(input))).Policies ?? []).map((p) => p.PolicyName)
    const aws = await names({ Scope: 'AWS', MaxItems: 1000 })
    assert.ok(aws.includes('AdministratorAccess'))
    assert.ok(!aws.includes('ReadBucket'))
    assert.deepEqual(await names({ Scope: 'Local' }), ['ReadBucket'])
    const all = await names({ MaxItems: 1000 })
    assert.ok(all.includes('ReadBucket') && all.includes('ReadOnlyAccess'))
    assert.deepEqual(await names({ PathPrefix: '/team/' }), ['ReadBucket'])
    assert.deepEqual(await names({ OnlyAttached: true }), ['AdministratorAccess'])
    const listed = (await admin.send(new ListPoliciesCommand({ Scope: 'Local' }))).Policies![0]!
    assert.equal(listed.Description, undefined, 'AWS: ListPolicies omits Description')
    assert.equal(listed.Tags, undefined)
    const seen: string[] = []
    let marker: string | undefined
    do {
      const page = await admin.send(
        new ListPoliciesCommand({ MaxItems: 7, ...(marker ? { Marker: marker } : {}) }),
      )
      assert.ok((page.Policies ?? []).length <= 7)
      seen.push(...(page.Policies ?? []).map((p) => p.PolicyName!))
      marker = page.IsTruncated ? page.Marker : undefined
      if (page.IsTruncated) assert.ok(page.Marker)
    } while (marker !== undefined)
    assert.deepEqual(seen, all)
  })

  it('tags: TagPolicy, ListPolicyTags, UntagPolicy', async () => {
    const arn = localPolicyArn('ReadBucket', '/team/')
    await admin.send(
      new TagPolicyCommand({
        PolicyArn: arn,
        Tags: [
          { Key: 'Owner', Value: 'ops' },
          { Key: 'env', Value: 'prod' },
        ],
      }),
    )
    const tags = (await admin.send(new ListPolicyTagsCommand({ PolicyArn: arn }))).Tags
    assert.deepEqual(tags, [
      { Key: 'Owner', Value: 'ops' },
      { Key: 'env', Value: 'prod' },
    ])
    await admin.send(new UntagPolicyCommand({ PolicyArn: arn, TagKeys: ['owner', 'missing'] }))
    assert.deepEqual((await admin.send(new ListPolicyTagsCommand({ PolicyArn: arn }))).Tags, [
      { Key: 'env', Value: 'prod' },
    ])
  })

  it('DeletePolicy refuses an attached policy and one with non-default versions', async () => {
    await admin.send(new CreatePolicyCommand({ PolicyName: 'Doomed', PolicyDocument: READ_S3 }))
    const arn = localPolicyArn('Doomed')
    await admin.send(new AttachUserPolicyCommand({ UserName: 'reader', PolicyArn: arn }))
    await rejects(
      admin.send(new DeletePolicyCommand({ PolicyArn: arn })),
      'DeleteConflictException',
      'Cannot delete a policy attached to entities.',
      409,
    )
    await admin.send(new DetachUserPolicyCommand({ UserName: 'reader', PolicyArn: arn }))
    await admin.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: READ_S3 }))
    await rejects(
      admin.send(new DeletePolicyCommand({ PolicyArn: arn })),
      'DeleteConflictException',
      "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
      409,
    )
    await admin.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v2' }))
    await admin.send(new DeletePolicyCommand({ PolicyArn: arn }))
    await rejects(
      admin.send(new GetPolicyCommand({ PolicyArn: arn })),
      'NoSuchEntityException',
      `Policy ${arn} was not found.`,
      404,
    )
  })

  it('AWS managed policies cannot be changed, even by an administrator', async () => {
    const arn = awsPolicyArn('ReadOnlyAccess')
    await rejects(
      admin.send(new DeletePolicyCommand({ PolicyArn: arn })),
      'AccessDenied',
      `User: arn:aws:iam::${ACCOUNT}:user/admin is not authorized to perform: iam:DeletePolicy on resource: ${arn}`,
      403,
    )
  })

  it('a user whose only policy allows s3:ListAllMyBuckets is denied iam:ListPolicies and iam:CreatePolicy', async () => {
    await rejects(
      reader.client.send(new ListPoliciesCommand({})),
      'AccessDenied',
      denied('reader', 'iam:ListPolicies', '*'),
      403,
    )
    await rejects(
      reader.client.send(new CreatePolicyCommand({ PolicyName: 'Mine', PolicyDocument: READ_S3 })),
      'AccessDenied',
      denied('reader', 'iam:CreatePolicy', localPolicyArn('Mine')),
      403,
    )
  })

  it('CreatePolicy sees aws:RequestTag: a tag condition allows only matching tags', async () => {
    const tagger = await addUser(server, 'tagger', [
      doc(allowing('iam:CreatePolicy', '*', { StringEquals: { 'aws:RequestTag/team': 'blue' } })),
    ])
    await tagger.client.send(
      new CreatePolicyCommand({
        PolicyName: 'Blue',
        PolicyDocument: READ_S3,
        Tags: [{ Key: 'team', Value: 'blue' }],
      }),
    )
    await rejects(
      tagger.client.send(
        new CreatePolicyCommand({
          PolicyName: 'Red',
          PolicyDocument: READ_S3,
          Tags: [{ Key: 'team', Value: 'red' }],
        }),
      ),
      'AccessDenied',
      denied('tagger', 'iam:CreatePolicy', localPolicyArn('Red')),
      403,
    )
  })

  it('another account sees AWS managed policies with its own counts and entities, and none of this account’s', async () => {
    const other = await addAccount(resolveConfig({ dataDir: server.dataDir }, {}), { id: '444455556666' })
    const theirs = new IAMClient({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: other,
      maxAttempts: 1,
    })
    const admins = awsPolicyArn('AdministratorAccess')
    await admin.send(new AttachUserPolicyCommand({ UserName: 'reader', PolicyArn: admins }))
    assert.equal((await admin.send(new GetPolicyCommand({ PolicyArn: admins }))).Policy?.AttachmentCount, 2)
    assert.equal((await theirs.send(new GetPolicyCommand({ PolicyArn: admins }))).Policy?.AttachmentCount, 1)
    const entities = await theirs.send(new ListEntitiesForPolicyCommand({ PolicyArn: admins }))
    assert.deepEqual(
      entities.PolicyUsers?.map((u) => u.UserName),
      ['admin'],
    )
    assert.match(entities.PolicyUsers?.[0]?.UserId ?? '', /^AIDA/)
    assert.deepEqual((await theirs.send(new ListPoliciesCommand({ Scope: 'Local' }))).Policies, [])
    const ours = localPolicyArn('ReadBucket', '/team/')
    await rejects(
      theirs.send(new GetPolicyCommand({ PolicyArn: ours })),
      'AccessDenied',
      `User: arn:aws:iam::444455556666:user/admin is not authorized to perform: iam:GetPolicy on resource: ${ours}`,
      403,
    )
    await admin.send(new DetachUserPolicyCommand({ UserName: 'reader', PolicyArn: admins }))
  })
})
