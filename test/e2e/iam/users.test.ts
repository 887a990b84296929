import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  CreateUserCommand,
  DeleteUserCommand,
  GetUserCommand,
  type IAMClient,
  ListUsersCommand,
  ListUserTagsCommand,
  TagUserCommand,
  UntagUserCommand,
  UpdateUserCommand,
} from '@aws-sdk/client-iam'
import { startTestServer, type TestServer } from '../start.js'
import { adminIam, deniedText, rejectsWith, userWithPolicy } from './user-fixtures.js'

const A = 'arn:aws:iam::000000000000'

describe('e2e iam: users', () => {
  let server: TestServer
  let iam: IAMClient
  before(async () => {
    server = await startTestServer()
    iam = adminIam(server)
  })
  after(() => server.stop())

  it('CreateUser returns the user with an AIDA id, its path and tags; GetUser returns it', async () => {
    const out = await iam.send(
      new CreateUserCommand({ UserName: 'alice', Path: '/eng/', Tags: [{ Key: 'team', Value: 'red' }] }),
    )
    assert.equal(out.User?.Arn, `${A}:user/eng/alice`)
    assert.match(out.User?.UserId ?? '', /^AIDA[A-Z2-7]{17}$/)
    const got = await iam.send(new GetUserCommand({ UserName: 'ALICE' }))
    assert.equal(got.User?.UserName, 'alice')
    assert.deepEqual(got.User?.Tags, [{ Key: 'team', Value: 'red' }])
  })

  it('a name differing only in case is EntityAlreadyExists', async () => {
    await rejectsWith(
      iam.send(new CreateUserCommand({ UserName: 'Alice' })),
      'EntityAlreadyExistsException',
      'User with name Alice already exists.',
      409,
    )
  })

  it('duplicate tag keys ignoring case are InvalidInput', async () => {
    await rejectsWith(
      iam.send(
        new CreateUserCommand({
          UserName: 'dup',
          Tags: [
            { Key: 'a', Value: '1' },
            { Key: 'A', Value: '2' },
          ],
        }),
      ),
      'InvalidInputException',
      'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
      400,
    )
  })

  it('ListUsers filters by PathPrefix and paginates with Marker', async () => {
    for (const name of ['u1', 'u2', 'u3'])
      await iam.send(new CreateUserCommand({ UserName: name, Path: '/p/' }))
    const first = await iam.send(new ListUsersCommand({ PathPrefix: '/p/', MaxItems: 2 }))
    assert.deepEqual(
      first.Users?.map((u) => u.UserName),
      ['u1', 'u2'],
    )
    assert.equal(first.IsTruncated, true)
    const rest = await iam.send(new ListUsersCommand({ PathPrefix: '/p/', Marker: first.Marker }))
    assert.deepEqual(
      rest.Users?.map((u) => u.UserName),
      ['u3'],
    )
    assert.equal(rest.IsTruncated, false)
    assert.equal(rest.Users?.[0]?.Tags, undefined)
  })

  it('UpdateUser renames and moves; the old name is gone; a taken name is EntityAlreadyExists', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'old' }))
    await iam.send(new UpdateUserCommand({ UserName: 'old', NewUserName: 'new', NewPath: '/moved/' }))
    const got = await iam.send(new GetUserCommand({ UserName: 'new' }))
    assert.equal(got.User?.Arn, `${A}:user/moved/new`)
    await rejectsWith(
      iam.send(new GetUserCommand({ UserName: 'old' })),
      'NoSuchEntityException',
      'The user with name old cannot be found.',
      404,
    )
    await rejectsWith(
      iam.send(new UpdateUserCommand({ UserName: 'new', NewUserName: 'alice' })),
      'EntityAlreadyExistsException',
      'User with name alice already exists.',
      409,
    )
  })

  it('TagUser merges ignoring case, UntagUser removes, ListUserTags lists', async () => {
    await iam.send(
      new TagUserCommand({
        UserName: 'alice',
        Tags: [
          { Key: 'TEAM', Value: 'blue' },
          { Key: 'x', Value: 'keep' },
        ],
      }),
    )
    let tags = await iam.send(new ListUserTagsCommand({ UserName: 'alice' }))
    assert.deepEqual(tags.Tags, [
      { Key: 'TEAM', Value: 'blue' },
      { Key: 'x', Value: 'keep' },
    ])
    await iam.send(new UntagUserCommand({ UserName: 'alice', TagKeys: ['team', 'missing'] }))
    tags = await iam.send(new ListUserTagsCommand({ UserName: 'alice' }))
    assert.deepEqual(tags.Tags, [{ Key: 'x', Value: 'keep' }])
  })

  it('TagUser beyond 50 tags is LimitExceeded', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'tagged' }))
    const tags = (from: number) => Array.from({ length: 30 }, (_, i) => ({ Key: `k${from + i}`, Value: 'v' }))
    await iam.send(new TagUserCommand({ UserName: 'tagged', Tags: tags(0) }))
    await rejectsWith(
      iam.send(new TagUserCommand({ UserName: 'tagged', Tags: tags(30) })),
      'LimitExceededException',
      'Cannot exceed quota for TagsPerUser: 50',
      409,
    )
  })

  it('DeleteUser deletes; a missing user is NoSuchEntity', async () => {
    await iam.send(new DeleteUserCommand({ UserName: 'u3' }))
    await rejectsWith(
      iam.send(new DeleteUserCommand({ UserName: 'u3' })),
      'NoSuchEntityException',
      'The user with name u3 cannot be found.',
      404,
    )
  })

  describe('enforcement', () => {
    it('a user without policies is denied with AWS text', async () => {
      const bob = await userWithPolicy(server, 'nobody-bob')
      await rejectsWith(
        bob.send(new CreateUserCommand({ UserName: 'x' })),
        'AccessDenied',
        deniedText('nobody-bob', 'iam:CreateUser', `${A}:user/x`),
        403,
      )
      // AWS: ListUsers names the path prefix as a user ARN without a name.
      await rejectsWith(
        bob.send(new ListUsersCommand({})),
        'AccessDenied',
        deniedText('nobody-bob', 'iam:ListUsers', `${A}:user/`),
        403,
      )
    })

    it('an inline allow allows; an explicit deny wins', async () => {
      const carol = await userWithPolicy(server, 'carol', [
        { Effect: 'Allow', Action: 'iam:*User*', Resource: '*' },
        { Effect: 'Deny', Action: 'iam:DeleteUser', Resource: `${A}:user/eng/alice` },
      ])
      await carol.send(new CreateUserCommand({ UserName: 'by-carol' }))
      await carol.send(new DeleteUserCommand({ UserName: 'by-carol' }))
      await rejectsWith(
        carol.send(new DeleteUserCommand({ UserName: 'alice' })),
        'AccessDenied',
        deniedText('carol', 'iam:DeleteUser', `${A}:user/eng/alice`),
        403,
      )
    })

    it('aws:RequestTag and aws:TagKeys decide CreateUser with tags', async () => {
      const dave = await userWithPolicy(server, 'dave', [
        {
          Effect: 'Allow',
          Action: 'iam:CreateUser',
          Resource: '*',
          Condition: {
            StringEquals: { 'aws:RequestTag/team': 'red' },
            'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] },
          },
        },
      ])
      await dave.send(new CreateUserCommand({ UserName: 'red1', Tags: [{ Key: 'team', Value: 'red' }] }))
      await rejectsWith(
        dave.send(new CreateUserCommand({ UserName: 'blue1', Tags: [{ Key: 'team', Value: 'blue' }] })),
        'AccessDenied',
        deniedText('dave', 'iam:CreateUser', `${A}:user/blue1`),
        403,
      )
    })

    it('aws:ResourceTag of the target user decides TagUser', async () => {
      const erin = await userWithPolicy(server, 'erin', [
        {
          Effect: 'Allow',
          Action: 'iam:TagUser',
          Resource: '*',
          Condition: { StringEquals: { 'aws:ResourceTag/x': 'keep' } },
        },
      ])
      await erin.send(new TagUserCommand({ UserName: 'alice', Tags: [{ Key: 'y', Value: '1' }] }))
      await rejectsWith(
        erin.send(new TagUserCommand({ UserName: 'tagged', Tags: [{ Key: 'y', Value: '1' }] })),
        'AccessDenied',
        deniedText('erin', 'iam:TagUser', `${A}:user/tagged`),
        403,
      )
    })
  })
})
