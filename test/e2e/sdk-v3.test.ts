import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { GetUserCommand, IAMClient } from '@aws-sdk/client-iam'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { startTestServer, type TestServer } from './start.js'

describe('e2e: AWS SDK for JavaScript v3', () => {
  let server: TestServer
  let config: { endpoint: string; region: string; credentials: TestServer['credentials'] }
  before(async () => {
    server = await startTestServer()
    config = { endpoint: server.url, region: 'eu-west-1', credentials: server.credentials }
  })
  after(() => server.stop())

  it('sts get-caller-identity names the admin user of the default account', async () => {
    const out = await new STSClient(config).send(new GetCallerIdentityCommand({}))
    assert.equal(out.Account, '000000000000')
    assert.equal(out.Arn, 'arn:aws:iam::000000000000:user/admin')
    assert.match(out.UserId ?? '', /^AIDA[A-Z2-7]{17}$/)
    assert.ok(out.$metadata.requestId, 'request id header')
  })

  it('iam get-user without a name returns the caller', async () => {
    const out = await new IAMClient(config).send(new GetUserCommand({}))
    assert.equal(out.User?.UserName, 'admin')
    assert.equal(out.User?.Arn, 'arn:aws:iam::000000000000:user/admin')
  })

  it('a missing user is NoSuchEntity 404 with AWS text', async () => {
    await assert.rejects(
      new IAMClient(config).send(new GetUserCommand({ UserName: 'nobody' })),
      (error: Error & { $metadata?: { httpStatusCode?: number } }) => {
        assert.equal(error.name, 'NoSuchEntityException')
        assert.equal(error.message, 'The user with name nobody cannot be found.')
        assert.equal(error.$metadata?.httpStatusCode, 404)
        return true
      },
    )
  })

  it('a wrong secret is SignatureDoesNotMatch', async () => {
    const client = new STSClient({
      ...config,
      credentials: { ...config.credentials, secretAccessKey: 'wrong' },
    })
    await assert.rejects(client.send(new GetCallerIdentityCommand({})), { name: 'SignatureDoesNotMatch' })
  })

  it('an unknown key is InvalidClientTokenId', async () => {
    const client = new STSClient({
      ...config,
      credentials: { accessKeyId: 'AKIAAAAAAAAAAAAAAAAA', secretAccessKey: 'x' },
    })
    await assert.rejects(client.send(new GetCallerIdentityCommand({})), {
      name: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid',
    })
  })
})
