import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  AddUserToGroupCommand,
  CreateGroupCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  DeleteUserCommand,
  GetGroupCommand,
  type IAMClient,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  RemoveUserFromGroupCommand,
  UpdateGroupCommand,
} from '@aws-sdk/client-iam'
import { startTestServer, type TestServer } from '../start.js'
import { adminIam, deniedText, rejectsWith, userWithPolicy } from './user-fixtures.js'

const A = 'arn:aws:iam::000000000000'

describe('e2e iam: groups', () => {
  let server: TestServer
  let iam: IAMClient
  before(async () => {
    server = await startTestServer()
    iam = adminIam(server)
    for (const name of ['m1', 'm2', 'm3']) await iam.send(new CreateUserCommand({ UserName: name }))
  })
  after(() => server.stop())

  it('CreateGroup returns an AGPA id; a clash ignoring case is EntityAlreadyExists', async () => {
    const out = await iam.send(new CreateGroupCommand({ GroupName: 'devs', Path: '/team/' }))
    assert.equal(out.Group?.Arn, `${A}:group/team/devs`)
    assert.match(out.Group?.GroupId ?? '', /^AGPA[A-Z2-7]{17}$/)
    await rejectsWith(
      iam.send(new CreateGroupCommand({ GroupName: 'DEVS' })),
      'EntityAlreadyExistsException',
      'Group with name DEVS already exists.',
      409,
    )
  })

  it('AddUserToGroup, GetGroup pages its users, ListGroupsForUser lists the group', async () => {
    for (const name of ['m1', 'm2', 'm3'])
      await iam.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: name }))
    await iam.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: 'm1' }))
    const first = await iam.send(new GetGroupCommand({ GroupName: 'devs', MaxItems: 2 }))
    assert.equal(first.Group?.GroupName, 'devs')
    assert.deepEqual(
      first.Users?.map((u) => u.UserName),
      ['m1', 'm2'],
    )
    assert.equal(first.IsTruncated, true)
    const rest = await iam.send(new GetGroupCommand({ GroupName: 'devs', Marker: first.Marker }))
    assert.deepEqual(
      rest.Users?.map((u) => u.UserName),
      ['m3'],
    )
    const groups = await iam.send(new ListGroupsForUserCommand({ UserName: 'm2' }))
    assert.deepEqual(
      groups.Groups?.map((g) => g.GroupName),
      ['devs'],
    )
  })

  it('a missing group is NoSuchEntity', async () => {
    await rejectsWith(
      iam.send(new AddUserToGroupCommand({ GroupName: 'nope', UserName: 'm1' })),
      'NoSuchEntityException',
      'The group with name nope cannot be found.',
      404,
    )
  })

  it('a user in a group cannot be deleted; DeleteGroup with members is DeleteConflict', async () => {
    await rejectsWith(
      iam.send(new DeleteUserCommand({ UserName: 'm3' })),
      'DeleteConflictException',
      'Cannot delete entity, must remove users from group first.',
      409,
    )
    await rejectsWith(
      iam.send(new DeleteGroupCommand({ GroupName: 'devs' })),
      'DeleteConflictException',
      'Cannot delete entity, must remove users from group first.',
      409,
    )
  })

  it('a user can be in at most 10 groups', async () => {
    // m3 is in devs already: nine more make ten.
    for (let i = 0; i < 9; i++) {
      await iam.send(new CreateGroupCommand({ GroupName: `g${i}` }))
      await iam.send(new AddUserToGroupCommand({ GroupName: `g${i}`, UserName: 'm3' }))
    }
    await iam.send(new CreateGroupCommand({ GroupName: 'g9' }))
    await rejectsWith(
      iam.send(new AddUserToGroupCommand({ GroupName: 'g9', UserName: 'm3' })),
      'LimitExceededException',
      'Cannot exceed quota for GroupsPerUser: 10',
      409,
    )
  })

  it('ListGroups filters by PathPrefix; UpdateGroup renames and moves', async () => {
    const listed = await iam.send(new ListGroupsCommand({ PathPrefix: '/team/' }))
    assert.deepEqual(
      listed.Groups?.map((g) => g.GroupName),
      ['devs'],
    )
    await iam.send(new UpdateGroupCommand({ GroupName: 'devs', NewGroupName: 'builders', NewPath: '/eng/' }))
    const got = await iam.send(new GetGroupCommand({ GroupName: 'builders' }))
    assert.equal(got.Group?.Arn, `${A}:group/eng/builders`)
    await rejectsWith(
      iam.send(new UpdateGroupCommand({ GroupName: 'builders', NewGroupName: 'g1' })),
      'EntityAlreadyExistsException',
      'Group with name g1 already exists.',
      409,
    )
  })

  it('RemoveUserFromGroup; removing a non-member is NoSuchEntity; an empty group deletes', async () => {
    for (const name of ['m1', 'm2', 'm3'])
      await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'builders', UserName: name }))
    await rejectsWith(
      iam.send(new RemoveUserFromGroupCommand({ GroupName: 'builders', UserName: 'm1' })),
      'NoSuchEntityException',
      'The user with name m1 cannot be found.',
      404,
    )
    await iam.send(new DeleteGroupCommand({ GroupName: 'builders' }))
    await rejectsWith(
      iam.send(new GetGroupCommand({ GroupName: 'builders' })),
      'NoSuchEntityException',
      'The group with name builders cannot be found.',
      404,
    )
  })

  it('enforcement: AddUserToGroup is authorized on the group ARN', async () => {
    const frank = await userWithPolicy(server, 'frank', [
      { Effect: 'Allow', Action: 'iam:AddUserToGroup', Resource: `${A}:group/g1` },
    ])
    await frank.send(new AddUserToGroupCommand({ GroupName: 'g1', UserName: 'frank' }))
    await rejectsWith(
      frank.send(new AddUserToGroupCommand({ GroupName: 'g2', UserName: 'frank' })),
      'AccessDenied',
      deniedText('frank', 'iam:AddUserToGroup', `${A}:group/g2`),
      403,
    )
  })
})
