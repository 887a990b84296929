import assert from 'node:assert/strict'
import { CreateAccessKeyCommand, CreateUserCommand, GetUserCommand, IAMClient } from '@aws-sdk/client-iam'
import type { TestServer } from '../start.js'

/** An IAM client signing with the server's admin key. */
export const adminIam = (server: TestServer): IAMClient =>
  new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.credentials })

/** Creates a user with an access key and (optionally) an inline policy; returns a client that signs as it. */
export async function userWithPolicy(
  server: TestServer,
  name: string,
  statements?: readonly Record<string, unknown>[],
): Promise<IAMClient> {
  const admin = adminIam(server)
  await admin.send(new CreateUserCommand({ UserName: name }))
  const key = await admin.send(new CreateAccessKeyCommand({ UserName: name }))
  if (statements !== undefined) {
    // The inline policy goes straight into the store: PutUserPolicy belongs to another aggregate's suite.
    const { User } = await admin.send(new GetUserCommand({ UserName: name }))
    const document = JSON.stringify({ Version: '2012-10-17', Statement: statements })
    await server.app.store.inlinePolicies.put(
      { kind: 'user', id: User!.UserId! },
      'test',
      document,
      new Date(),
    )
  }
  return new IAMClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: {
      accessKeyId: key.AccessKey!.AccessKeyId!,
      secretAccessKey: key.AccessKey!.SecretAccessKey!,
    },
  })
}

/** Asserts that `promise` rejects with this error name, message and HTTP status. */
export async function rejectsWith(
  promise: Promise<unknown>,
  name: string,
  message: string | RegExp,
  status: number,
): Promise<void> {
  await assert.rejects(promise, (error: Error & { $metadata?: { httpStatusCode?: number } }) => {
    assert.equal(error.name, name)
    if (typeof message === 'string') assert.equal(error.message, message)
    else assert.match(error.message, message)
    assert.equal(error.$metadata?.httpStatusCode, status)
    return true
  })
}

/** AWS's AccessDenied text for a user of the default account. */
export const deniedText = (user: string, action: string, resource: string): string =>
  `User: arn:aws:iam::000000000000:user/${user} is not authorized to perform: ${action} on resource: ${resource}`
