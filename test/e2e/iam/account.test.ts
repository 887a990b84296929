import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  AddRoleToInstanceProfileCommand,
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateAccountAliasCommand,
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccountAliasCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountSummaryCommand,
  type IAMClient,
  ListAccountAliasesCommand,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam'
import { startTestServer, type TestServer } from '../start.js'
import { ACCOUNT, ACCOUNT_TRUST, adminClient } from './role-fixtures.js'
import { rejectsWith, userWithPolicy } from './user-fixtures.js'

const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement })
const ADMIN_POLICY = 'arn:aws:iam::aws:policy/AdministratorAccess'

describe('e2e: IAM account summary, authorization details and aliases (SDK v3)', () => {
  let server: TestServer
  let iam: IAMClient
  let summaryBefore: Record<string, number>
  before(async () => {
    server = await startTestServer()
    iam = adminClient(server)
    summaryBefore = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap!
    await iam.send(new CreateUserCommand({ UserName: 'dev', Tags: [{ Key: 'team', Value: 'core' }] }))
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'dev',
        PolicyName: 'own',
        PolicyDocument: doc({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }),
      }),
    )
    await iam.send(new CreateGroupCommand({ GroupName: 'devs' }))
    await iam.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: 'dev' }))
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'devs', PolicyArn: ADMIN_POLICY }))
    const local = await iam.send(
      new CreatePolicyCommand({
        PolicyName: 'limit',
        PolicyDocument: doc({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }),
      }),
    )
    await iam.send(
      new CreatePolicyVersionCommand({
        PolicyArn: local.Policy!.Arn!,
        PolicyDocument: doc({ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }),
        SetAsDefault: true,
      }),
    )
    await iam.send(
      new PutUserPermissionsBoundaryCommand({ UserName: 'dev', PermissionsBoundary: local.Policy!.Arn! }),
    )
    await iam.send(new CreateRoleCommand({ RoleName: 'app', AssumeRolePolicyDocument: ACCOUNT_TRUST }))
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'app',
        PolicyName: 'inline',
        PolicyDocument: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
      }),
    )
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'app-profile' }))
    await iam.send(
      new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'app-profile', RoleName: 'app' }),
    )
  })
  after(() => server.stop())

  it('GetAccountSummary counts the entities and reports the quotas', async () => {
    const map = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap!
    assert.equal(map.Users, summaryBefore.Users! + 1)
    assert.equal(map.Groups, summaryBefore.Groups! + 1)
    assert.equal(map.Roles, summaryBefore.Roles! + 1)
    assert.equal(map.Policies, summaryBefore.Policies! + 1)
    assert.equal(map.InstanceProfiles, 1)
    assert.equal(map.PolicyVersionsInUse, summaryBefore.PolicyVersionsInUse! + 1)
    assert.equal(map.UsersQuota, 5000)
    assert.equal(map.AccessKeysPerUserQuota, 2)
    assert.equal(map.VersionsPerPolicyQuota, 5)
    assert.equal(map.AccountMFAEnabled, 0)
  })

  it('GetAccountAuthorizationDetails describes users, groups, roles and policies', async () => {
    const out = await iam.send(new GetAccountAuthorizationDetailsCommand({}))
    const dev = out.UserDetailList!.find((u) => u.UserName === 'dev')!
    assert.deepEqual(dev.GroupList, ['devs'])
    assert.deepEqual(dev.Tags, [{ Key: 'team', Value: 'core' }])
    assert.equal(dev.UserPolicyList![0]!.PolicyName, 'own')
    assert.equal(
      decodeURIComponent(dev.UserPolicyList![0]!.PolicyDocument!),
      doc({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }),
    )
    assert.equal(dev.PermissionsBoundary?.PermissionsBoundaryArn, `arn:aws:iam::${ACCOUNT}:policy/limit`)
    const group = out.GroupDetailList!.find((g) => g.GroupName === 'devs')!
    assert.deepEqual(group.AttachedManagedPolicies, [
      { PolicyName: 'AdministratorAccess', PolicyArn: ADMIN_POLICY },
    ])
    const role = out.RoleDetailList!.find((r) => r.RoleName === 'app')!
    assert.equal(decodeURIComponent(role.AssumeRolePolicyDocument!), ACCOUNT_TRUST)
    assert.deepEqual(
      role.InstanceProfileList!.map((p) => [p.InstanceProfileName, p.Roles!.map((r) => r.RoleName)]),
      [['app-profile', ['app']]],
    )
    assert.equal(role.RolePolicyList![0]!.PolicyName, 'inline')
    assert.deepEqual(role.RoleLastUsed, {})
    const limit = out.Policies!.find((p) => p.PolicyName === 'limit')!
    assert.equal(limit.DefaultVersionId, 'v2')
    assert.deepEqual(
      limit.PolicyVersionList!.map((v) => [v.VersionId, v.IsDefaultVersion, decodeURIComponent(v.Document!)]),
      [
        ['v2', true, doc({ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' })],
        ['v1', false, doc({ Effect: 'Allow', Action: 'iam:*', Resource: '*' })],
      ],
    )
    // AWS-managed policies appear when something in the account uses them.
    assert.ok(out.Policies!.some((p) => p.Arn === ADMIN_POLICY))
    assert.ok(!out.Policies!.some((p) => p.Arn === 'arn:aws:iam::aws:policy/ReadOnlyAccess'))
    assert.equal(out.IsTruncated, false)
  })

  it('GetAccountAuthorizationDetails filters by entity type and pages across all of them', async () => {
    const local = await iam.send(
      new GetAccountAuthorizationDetailsCommand({ Filter: ['LocalManagedPolicy'] }),
    )
    assert.deepEqual(local.UserDetailList, [])
    assert.deepEqual(
      local.Policies!.map((p) => p.PolicyName),
      ['limit'],
    )
    const all = await iam.send(new GetAccountAuthorizationDetailsCommand({}))
    const total =
      all.UserDetailList!.length +
      all.GroupDetailList!.length +
      all.RoleDetailList!.length +
      all.Policies!.length
    const seen: string[] = []
    let marker: string | undefined
    do {
      const page = await iam.send(new GetAccountAuthorizationDetailsCommand({ MaxItems: 2, Marker: marker }))
      const names = [
        ...page.UserDetailList!.map((u) => u.Arn!),
        ...page.GroupDetailList!.map((g) => g.Arn!),
        ...page.RoleDetailList!.map((r) => r.Arn!),
        ...page.Policies!.map((p) => p.Arn!),
      ]
      assert.ok(names.length <= 2)
      seen.push(...names)
      marker = page.IsTruncated ? page.Marker : undefined
    } while (marker !== undefined)
    assert.equal(seen.length, total)
    assert.equal(new Set(seen).size, total)
  })

  it('account aliases: create, replace, reject a taken one, delete', async () => {
    assert.deepEqual((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases, [])
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'my-team' }))
    assert.deepEqual((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases, ['my-team'])
    await rejectsWith(
      iam.send(new CreateAccountAliasCommand({ AccountAlias: 'my-team' })),
      'EntityAlreadyExistsException',
      'The account alias my-team already exists.',
      409,
    )
    // AWS: an account has one alias; a new one replaces it.
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'renamed' }))
    assert.deepEqual((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases, ['renamed'])
    await server.app.store.accounts.insert({
      id: '111122223333',
      name: 'other',
      alias: 'taken',
      createdAt: new Date(),
    })
    await rejectsWith(
      iam.send(new CreateAccountAliasCommand({ AccountAlias: 'taken' })),
      'EntityAlreadyExistsException',
      'The account alias taken already exists.',
      409,
    )
    await rejectsWith(
      iam.send(new CreateAccountAliasCommand({ AccountAlias: 'Bad--Alias' })),
      'ValidationError',
      /accountAlias/,
      400,
    )
    await rejectsWith(
      iam.send(new DeleteAccountAliasCommand({ AccountAlias: 'my-team' })),
      'NoSuchEntityException',
      'The account alias my-team cannot be found.',
      404,
    )
    await iam.send(new DeleteAccountAliasCommand({ AccountAlias: 'renamed' }))
    assert.deepEqual((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases, [])
  })

  it('a user without permissions is denied; an allow for the action lets it through', async () => {
    const none = await userWithPolicy(server, 'nobody')
    await rejectsWith(
      none.send(new GetAccountSummaryCommand({})),
      'AccessDenied',
      `User: arn:aws:iam::${ACCOUNT}:user/nobody is not authorized to perform: iam:GetAccountSummary on resource: *`,
      403,
    )
    const reader = await userWithPolicy(server, 'reader', [
      { Effect: 'Allow', Action: 'iam:GetAccountSummary', Resource: '*' },
    ])
    assert.equal(typeof (await reader.send(new GetAccountSummaryCommand({}))).SummaryMap?.Users, 'number')
    await rejectsWith(
      reader.send(new CreateAccountAliasCommand({ AccountAlias: 'sneaky' })),
      'AccessDenied',
      `User: arn:aws:iam::${ACCOUNT}:user/reader is not authorized to perform: iam:CreateAccountAlias on resource: *`,
      403,
    )
  })
})
