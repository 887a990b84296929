import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { IAMClient } from '@aws-sdk/client-iam'
import { ID_PREFIX, newAccessKeyId, newUniqueId } from '../../../src/kernel/ids.js'
import type { TestServer } from '../start.js'

/** The default account every test server creates. */
export const ACCOUNT = '000000000000'

/** A trust policy any principal of the account may use. */
export const ACCOUNT_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
  ],
})

/** An IAM client signed as the server's admin user. */
export const adminClient = (server: TestServer): IAMClient =>
  new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.credentials })

/**
 * Adds a user with an access key and the given inline policies straight through the store (the user API is
 * tested elsewhere), and returns an IAM client signed as that user.
 */
export async function clientForUser(
  server: TestServer,
  name: string,
  policies: readonly object[] = [],
): Promise<IAMClient> {
  const store = server.app.store
  const now = new Date()
  const random = (size: number) => new Uint8Array(randomBytes(size))
  const user = await store.users.insert({
    id: newUniqueId(ID_PREFIX.user, random),
    accountId: ACCOUNT,
    name,
    path: '/',
    tags: [],
    createdAt: now,
  })
  for (const [i, policy] of policies.entries())
    await store.inlinePolicies.put({ kind: 'user', id: user.id }, `p${i}`, JSON.stringify(policy), now)
  const key = await store.accessKeys.insert({
    id: newAccessKeyId('AKIA', ACCOUNT, random),
    accountId: ACCOUNT,
    userId: user.id,
    secretAccessKey: randomBytes(30).toString('base64'),
    status: 'Active',
    createdAt: now,
  })
  return new IAMClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: key.id, secretAccessKey: key.secretAccessKey },
  })
}

/** An identity policy of one statement. */
export const allow = (action: string | string[], resource = '*', condition?: object): object => ({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}) },
  ],
})

/** An identity policy denying one action. */
export const deny = (action: string, resource = '*'): object => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action: action, Resource: resource }],
})

type SdkError = Error & { $metadata?: { httpStatusCode?: number } }

/** Asserts that `call` fails with the SDK error name, HTTP status and exact message. */
export async function rejectsWith(
  call: Promise<unknown>,
  name: string,
  status: number,
  message: string | RegExp,
): Promise<void> {
  await assert.rejects(call, (error: SdkError) => {
    assert.equal(error.name, name)
    assert.equal(error.$metadata?.httpStatusCode, status)
    if (typeof message === 'string') assert.equal(error.message, message)
    else assert.match(error.message, message)
    return true
  })
}

/** AWS's AccessDenied text for a user, up to the resource (the server may append a reason). */
export const accessDenied = (user: string, action: string, resource: string): RegExp =>
  new RegExp(
    `^User: arn:aws:iam::${ACCOUNT}:user/${user} is not authorized to perform: ${action} on resource: ${resource.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
  )
