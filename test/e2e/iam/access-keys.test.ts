import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  type AccessKeyLastUsed,
  CreateAccessKeyCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteUserCommand,
  GetAccessKeyLastUsedCommand,
  GetUserCommand,
  IAMClient,
  ListAccessKeysCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam'
import { startTestServer, type TestServer } from '../start.js'
import { adminIam, deniedText, rejectsWith, userWithPolicy } from './user-fixtures.js'

const A = 'arn:aws:iam::000000000000'

describe('e2e iam: access keys', () => {
  let server: TestServer
  let iam: IAMClient
  before(async () => {
    server = await startTestServer()
    iam = adminIam(server)
    await iam.send(new CreateUserCommand({ UserName: 'kim' }))
  })
  after(() => server.stop())

  const clientFor = (key: { AccessKeyId?: string; SecretAccessKey?: string }) =>
    new IAMClient({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! },
    })

  it('CreateAccessKey returns an Active AKIA key with its secret once; ListAccessKeys omits the secret', async () => {
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'kim' }))
    assert.equal(AccessKey?.UserName, 'kim')
    assert.equal(AccessKey?.Status, 'Active')
    assert.match(AccessKey?.AccessKeyId ?? '', /^AKIA[A-Z2-7]{16}$/)
    assert.equal(AccessKey?.SecretAccessKey?.length, 40)
    const listed = await iam.send(new ListAccessKeysCommand({ UserName: 'kim' }))
    assert.deepEqual(
      listed.AccessKeyMetadata?.map((k) => [k.UserName, k.AccessKeyId, k.Status]),
      [['kim', AccessKey?.AccessKeyId, 'Active']],
    )
    assert.equal(JSON.stringify(listed.AccessKeyMetadata).includes('SecretAccessKey'), false)
    // The new key signs: kim has no policies, so the request authenticates and is then denied.
    await rejectsWith(
      clientFor(AccessKey!).send(new GetUserCommand({})),
      'AccessDenied',
      deniedText('kim', 'iam:GetUser', `${A}:user/kim`),
      403,
    )
  })

  it('a third key is LimitExceeded', async () => {
    await iam.send(new CreateAccessKeyCommand({ UserName: 'kim' }))
    await rejectsWith(
      iam.send(new CreateAccessKeyCommand({ UserName: 'kim' })),
      'LimitExceededException',
      'Cannot exceed quota for AccessKeysPerUser: 2',
      409,
    )
  })

  it('an Inactive key is refused with InvalidClientTokenId; Active again works', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'ina' }))
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'ina' }))
    const client = clientFor(AccessKey!)
    const denied = deniedText('ina', 'iam:GetUser', `${A}:user/ina`)
    await rejectsWith(client.send(new GetUserCommand({})), 'AccessDenied', denied, 403)
    await iam.send(
      new UpdateAccessKeyCommand({
        UserName: 'ina',
        AccessKeyId: AccessKey!.AccessKeyId!,
        Status: 'Inactive',
      }),
    )
    await rejectsWith(
      client.send(new GetUserCommand({})),
      'InvalidClientTokenId',
      'The security token included in the request is invalid',
      403,
    )
    await iam.send(
      new UpdateAccessKeyCommand({ UserName: 'ina', AccessKeyId: AccessKey!.AccessKeyId!, Status: 'Active' }),
    )
    await rejectsWith(client.send(new GetUserCommand({})), 'AccessDenied', denied, 403)
  })

  it('GetAccessKeyLastUsed reports N/A before any use, then the service and region of the last use', async () => {
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'ina' }))
    const before = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: AccessKey!.AccessKeyId! }))
    assert.equal(before.UserName, 'ina')
    assert.deepEqual(before.AccessKeyLastUsed, { ServiceName: 'N/A', Region: 'N/A' })
    await rejectsWith(clientFor(AccessKey!).send(new GetUserCommand({})), 'AccessDenied', /iam:GetUser/, 403)
    // The use is written after the response: poll briefly.
    let used: AccessKeyLastUsed | undefined = before.AccessKeyLastUsed
    for (let i = 0; i < 50 && used?.ServiceName === 'N/A'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      used = (await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: AccessKey!.AccessKeyId! })))
        .AccessKeyLastUsed
    }
    assert.equal(used?.ServiceName, 'iam')
    assert.equal(used?.Region, 'us-east-1')
    assert.ok(used?.LastUsedDate instanceof Date)
  })

  it('a key of another user is NoSuchEntity; DeleteAccessKey deletes; DeleteUser needs keys gone', async () => {
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({}))
    await rejectsWith(
      iam.send(new DeleteAccessKeyCommand({ UserName: 'kim', AccessKeyId: AccessKey!.AccessKeyId! })),
      'NoSuchEntityException',
      `The Access Key with id ${AccessKey!.AccessKeyId} cannot be found.`,
      404,
    )
    const own = await iam.send(new ListAccessKeysCommand({}))
    assert.equal(
      own.AccessKeyMetadata?.every((k) => k.UserName === 'admin'),
      true,
    )
    await iam.send(new DeleteAccessKeyCommand({ AccessKeyId: AccessKey!.AccessKeyId! }))
    await rejectsWith(
      iam.send(new DeleteUserCommand({ UserName: 'kim' })),
      'DeleteConflictException',
      'Cannot delete entity, must delete access keys first.',
      409,
    )
    const keys = await iam.send(new ListAccessKeysCommand({ UserName: 'kim' }))
    for (const key of keys.AccessKeyMetadata ?? [])
      await iam.send(new DeleteAccessKeyCommand({ UserName: 'kim', AccessKeyId: key.AccessKeyId! }))
    await iam.send(new DeleteUserCommand({ UserName: 'kim' }))
  })

  it('enforcement: a user allowed CreateAccessKey on its own ARN (aws:username) cannot create keys for another user', async () => {
    const self = [
      {
        Effect: 'Allow',
        Action: ['iam:CreateAccessKey', 'iam:ListAccessKeys'],
        Resource: `${A}:user/\${aws:username}`,
      },
    ]
    const mallory = await userWithPolicy(server, 'mallory', self)
    const own = await mallory.send(new CreateAccessKeyCommand({}))
    assert.equal(own.AccessKey?.UserName, 'mallory')
    await rejectsWith(
      mallory.send(new CreateAccessKeyCommand({ UserName: 'admin' })),
      'AccessDenied',
      deniedText('mallory', 'iam:CreateAccessKey', `${A}:user/admin`),
      403,
    )
    assert.equal(
      (await iam.send(new ListAccessKeysCommand({ UserName: 'admin' }))).AccessKeyMetadata?.length,
      1,
    )
  })
})
