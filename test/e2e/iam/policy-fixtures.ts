import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { IAMClient } from '@aws-sdk/client-iam'
import { ID_PREFIX, newAccessKeyId, newUniqueId } from '../../../src/kernel/ids.js'
import type { TestServer } from '../start.js'

/** The default account of every test server. */
export const ACCOUNT = '000000000000'

/** `arn:aws:iam::000000000000:policy/<name>`. */
export const localPolicyArn = (name: string, path = '/'): string =>
  `arn:aws:iam::${ACCOUNT}:policy${path}${name}`

/** `arn:aws:iam::aws:policy/<name>`. */
export const awsPolicyArn = (name: string): string => `arn:aws:iam::aws:policy/${name}`

const random = (size: number) => new Uint8Array(randomBytes(size))

/** An IAM client signed as the server's admin user, without retries. */
export const adminOf = (server: TestServer): IAMClient =>
  new IAMClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: server.credentials,
    maxAttempts: 1,
  })

/** A policy document of the given statements. */
export const doc = (...statements: object[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements })

/** One Allow statement. */
export const allowing = (
  action: string | string[],
  resource: string | string[] = '*',
  condition?: object,
) => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource,
  ...(condition ? { Condition: condition } : {}),
})

/** One Deny statement. */
export const denying = (action: string | string[], resource: string | string[] = '*') => ({
  Effect: 'Deny',
  Action: action,
  Resource: resource,
})

/** A user added straight through the store (the user API has its own suites), with a client signing as it. */
export interface TestUser {
  readonly id: string
  readonly name: string
  readonly arn: string
  readonly client: IAMClient
}

/** Adds a user with an access key and the given inline policy documents (named p0, p1, …). */
export async function addUser(
  server: TestServer,
  name: string,
  inline: readonly string[] = [],
): Promise<TestUser> {
  const store = server.app.store
  const now = new Date()
  const user = await store.users.insert({
    id: newUniqueId(ID_PREFIX.user, random),
    accountId: ACCOUNT,
    name,
    path: '/',
    tags: [],
    createdAt: now,
  })
  for (const [i, document] of inline.entries())
    await store.inlinePolicies.put({ kind: 'user', id: user.id }, `p${i}`, document, now)
  const key = await store.accessKeys.insert({
    id: newAccessKeyId('AKIA', ACCOUNT, random),
    accountId: ACCOUNT,
    userId: user.id,
    secretAccessKey: randomBytes(30).toString('base64'),
    status: 'Active',
    createdAt: now,
  })
  const client = new IAMClient({
    endpoint: server.url,
    region: 'us-east-1',
    // AWS SDK v3 retries LimitExceeded as throttling; the tests want the first answer.
    maxAttempts: 1,
    credentials: { accessKeyId: key.id, secretAccessKey: key.secretAccessKey },
  })
  return { id: user.id, name, arn: `arn:aws:iam::${ACCOUNT}:user/${name}`, client }
}

/** Adds a group straight through the store; returns its id. */
export async function addGroup(server: TestServer, name: string, path = '/'): Promise<string> {
  const group = await server.app.store.groups.insert({
    id: newUniqueId(ID_PREFIX.group, random),
    accountId: ACCOUNT,
    name,
    path,
    createdAt: new Date(),
  })
  return group.id
}

/** Adds a role straight through the store; returns its id. */
export async function addRole(server: TestServer, name: string, path = '/'): Promise<string> {
  const role = await server.app.store.roles.insert({
    id: newUniqueId(ID_PREFIX.role, random),
    accountId: ACCOUNT,
    name,
    path,
    trustPolicy: doc({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      Action: 'sts:AssumeRole',
    }),
    maxSessionDuration: 3600,
    tags: [],
    createdAt: new Date(),
  })
  return role.id
}

/** Asserts that `promise` rejects with this error name, exact message and HTTP status. */
export async function rejects(promise: Promise<unknown>, name: string, message: string, status: number) {
  await assert.rejects(promise, (error: Error & { $metadata?: { httpStatusCode?: number } }) => {
    assert.equal(error.name, name)
    assert.equal(error.message, message)
    assert.equal(error.$metadata?.httpStatusCode, status)
    return true
  })
}

/** AWS's AccessDenied text for a user of the default account. */
export const denied = (user: string, action: string, resource: string): string =>
  `User: arn:aws:iam::${ACCOUNT}:user/${user} is not authorized to perform: ${action} on resource: ${resource}`
