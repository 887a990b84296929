import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  DeleteInstanceProfileCommand,
  GetInstanceProfileCommand,
  type IAMClient,
  ListInstanceProfilesCommand,
  ListInstanceProfilesForRoleCommand,
  ListInstanceProfileTagsCommand,
  RemoveRoleFromInstanceProfileCommand,
  TagInstanceProfileCommand,
  UntagInstanceProfileCommand,
} from '@aws-sdk/client-iam'
import { startTestServer, type TestServer } from '../start.js'
import {
  ACCOUNT,
  ACCOUNT_TRUST,
  accessDenied,
  adminClient,
  allow,
  clientForUser,
  rejectsWith,
} from './role-fixtures.js'

describe('e2e: IAM instance profiles (SDK v3)', () => {
  let server: TestServer
  let iam: IAMClient
  before(async () => {
    server = await startTestServer()
    iam = adminClient(server)
    await iam.send(new CreateRoleCommand({ RoleName: 'web', AssumeRolePolicyDocument: ACCOUNT_TRUST }))
    await iam.send(new CreateRoleCommand({ RoleName: 'db', AssumeRolePolicyDocument: ACCOUNT_TRUST }))
  })
  after(() => server.stop())

  it('CreateInstanceProfile returns an AIPA id, the ARN with its path, no roles and the tags', async () => {
    const out = await iam.send(
      new CreateInstanceProfileCommand({
        InstanceProfileName: 'web-profile',
        Path: '/apps/',
        Tags: [{ Key: 'env', Value: 'dev' }],
      }),
    )
    const profile = out.InstanceProfile!
    assert.match(profile.InstanceProfileId ?? '', /^AIPA[A-Z2-7]{17}$/)
    assert.equal(profile.Arn, `arn:aws:iam::${ACCOUNT}:instance-profile/apps/web-profile`)
    assert.deepEqual(profile.Roles, [])
    assert.deepEqual(profile.Tags, [{ Key: 'env', Value: 'dev' }])
  })

  it('a duplicate name is EntityAlreadyExists; a missing profile is NoSuchEntity', async () => {
    await rejectsWith(
      iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'WEB-PROFILE' })),
      'EntityAlreadyExistsException',
      409,
      'Instance Profile WEB-PROFILE already exists.',
    )
    await rejectsWith(
      iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'none' })),
      'NoSuchEntityException',
      404,
      'Instance Profile none cannot be found.',
    )
  })

  it('a profile holds one role; Get and ListInstanceProfilesForRole show it', async () => {
    await iam.send(
      new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'web-profile', RoleName: 'web' }),
    )
    await rejectsWith(
      iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'web-profile', RoleName: 'db' })),
      'LimitExceededException',
      409,
      'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1',
    )
    const profile = (await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'web-profile' })))
      .InstanceProfile!
    assert.deepEqual(
      profile.Roles?.map((r) => r.RoleName),
      ['web'],
    )
    assert.ok(profile.Roles![0]!.AssumeRolePolicyDocument)
    const forRole = await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'web' }))
    assert.deepEqual(
      forRole.InstanceProfiles?.map((p) => p.InstanceProfileName),
      ['web-profile'],
    )
    assert.equal(forRole.IsTruncated, false)
    await rejectsWith(
      iam.send(
        new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'web-profile', RoleName: 'ghost' }),
      ),
      'NoSuchEntityException',
      404,
      'The role with name ghost cannot be found.',
    )
  })

  it('DeleteInstanceProfile is refused while it holds a role', async () => {
    await rejectsWith(
      iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'web-profile' })),
      'DeleteConflictException',
      409,
      'Cannot delete entity, must remove roles from instance profile first.',
    )
    await iam.send(
      new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'web-profile', RoleName: 'web' }),
    )
    const forRole = await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'web' }))
    assert.deepEqual(forRole.InstanceProfiles, [])
  })

  it('ListInstanceProfiles filters by PathPrefix, pages, and omits tags', async () => {
    for (const name of ['a', 'b', 'c'])
      await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: name }))
    const apps = await iam.send(new ListInstanceProfilesCommand({ PathPrefix: '/apps/' }))
    assert.deepEqual(
      apps.InstanceProfiles?.map((p) => p.InstanceProfileName),
      ['web-profile'],
    )
    assert.equal(apps.InstanceProfiles![0]!.Tags, undefined)
    const first = await iam.send(new ListInstanceProfilesCommand({ MaxItems: 2 }))
    assert.equal(first.IsTruncated, true)
    const rest = await iam.send(new ListInstanceProfilesCommand({ MaxItems: 10, Marker: first.Marker }))
    assert.deepEqual(
      [...first.InstanceProfiles!, ...rest.InstanceProfiles!].map((p) => p.InstanceProfileName),
      ['a', 'b', 'c', 'web-profile'],
    )
  })

  it('Tag, Untag and ListInstanceProfileTags', async () => {
    await iam.send(
      new TagInstanceProfileCommand({ InstanceProfileName: 'a', Tags: [{ Key: 'k', Value: 'v' }] }),
    )
    await iam.send(new UntagInstanceProfileCommand({ InstanceProfileName: 'web-profile', TagKeys: ['env'] }))
    assert.deepEqual(
      (await iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: 'a' }))).Tags,
      [{ Key: 'k', Value: 'v' }],
    )
    assert.deepEqual(
      (await iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: 'web-profile' }))).Tags,
      [],
    )
  })

  it('DeleteInstanceProfile removes an empty profile', async () => {
    await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'c' }))
    await assert.rejects(iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'c' })), {
      name: 'NoSuchEntityException',
    })
  })

  it('AddRoleToInstanceProfile also needs iam:PassRole on the role', async () => {
    const profileArn = `arn:aws:iam::${ACCOUNT}:instance-profile/b`
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/db`
    const noPass = await clientForUser(server, 'no-pass', [allow('iam:AddRoleToInstanceProfile', profileArn)])
    const add = (client: IAMClient) =>
      client.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'b', RoleName: 'db' }))
    await rejectsWith(add(noPass), 'AccessDenied', 403, accessDenied('no-pass', 'iam:PassRole', roleArn))
    const both = await clientForUser(server, 'both', [
      allow('iam:AddRoleToInstanceProfile', profileArn),
      allow('iam:PassRole', roleArn),
    ])
    await add(both)
  })
})
