import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import { STSClient } from '@aws-sdk/client-sts'
import { ID_PREFIX, newAccessKeyId, newUniqueId } from '../../../src/kernel/ids.js'
import type { Store } from '../../../src/store/index.js'

/** The default account every test server creates. */
export const ACCOUNT = '000000000000'

/** Access key credentials, long-term or temporary. */
export interface Keys {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly sessionToken?: string
}

const random = (size: number) => new Uint8Array(randomBytes(size))

/** A policy document of the given statements. */
export const policy = (...statements: object[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements })

/** A trust policy allowing `principal` the actions (sts:AssumeRole by default). */
export const trust = (
  principal: object,
  action: string | string[] = 'sts:AssumeRole',
  condition?: object,
): string =>
  policy({
    Effect: 'Allow',
    Principal: principal,
    Action: action,
    ...(condition ? { Condition: condition } : {}),
  })

/** Trust of every principal of the account, for AssumeRole, TagSession and SetSourceIdentity. */
export const ACCOUNT_TRUST = trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }, [
  'sts:AssumeRole',
  'sts:TagSession',
  'sts:SetSourceIdentity',
])

/** An STS client for `keys` against `url`, its clock shifted by `offsetMs` (for servers on a fixed clock). */
export const stsClient = (url: string, keys: Keys, offsetMs = 0): STSClient =>
  new STSClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: keys,
    systemClockOffset: offsetMs,
    maxAttempts: 1,
  })

/** An IAM client for `keys` against `url`. */
export const iamClient = (url: string, keys: Keys, offsetMs = 0): IAMClient =>
  new IAMClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: keys,
    systemClockOffset: offsetMs,
    maxAttempts: 1,
  })

/** The temporary keys of an STS response's Credentials. */
export const keysOf = (
  credentials: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } | undefined,
): Keys => ({
  accessKeyId: credentials!.AccessKeyId!,
  secretAccessKey: credentials!.SecretAccessKey!,
  sessionToken: credentials!.SessionToken!,
})

/** Creates a role through the IAM API (as the admin) and gives it inline identity policies through the store. */
export async function createRole(
  url: string,
  admin: Keys,
  store: Store,
  name: string,
  trustPolicy: string,
  policies: readonly string[] = [],
  extra: { MaxSessionDuration?: number; Path?: string; Tags?: { Key: string; Value: string }[] } = {},
): Promise<{ arn: string; id: string }> {
  const out = await iamClient(url, admin).send(
    new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trustPolicy, ...extra }),
  )
  const id = out.Role!.RoleId!
  for (const [i, document] of policies.entries())
    await store.inlinePolicies.put({ kind: 'role', id }, `p${i}`, document, new Date())
  return { arn: out.Role!.Arn!, id }
}

/** Adds a user with inline policies and an access key straight through the store; returns its keys and id. */
export async function createUser(
  store: Store,
  name: string,
  policies: readonly string[] = [],
): Promise<Keys & { userId: string }> {
  const now = new Date()
  const user = await store.users.insert({
    id: newUniqueId(ID_PREFIX.user, random),
    accountId: ACCOUNT,
    name,
    path: '/',
    tags: [],
    createdAt: now,
  })
  for (const [i, document] of policies.entries())
    await store.inlinePolicies.put({ kind: 'user', id: user.id }, `p${i}`, document, now)
  return { ...(await addKey(store, user.id)), userId: user.id }
}

/** An access key for the user `userId`, or for the account root when undefined. */
export async function addKey(store: Store, userId: string | undefined): Promise<Keys> {
  const key = await store.accessKeys.insert({
    id: newAccessKeyId('AKIA', ACCOUNT, random),
    accountId: ACCOUNT,
    ...(userId !== undefined ? { userId } : {}),
    secretAccessKey: randomBytes(30).toString('base64'),
    status: 'Active',
    createdAt: new Date(),
  })
  return { accessKeyId: key.id, secretAccessKey: key.secretAccessKey }
}

type SdkError = Error & { $metadata?: { httpStatusCode?: number } }

/** Asserts that `call` fails with the error code, HTTP status and exact message. */
export async function rejectsWith(
  call: Promise<unknown>,
  code: string,
  status: number,
  message: string | RegExp,
) {
  await assert.rejects(call, (error: SdkError) => {
    assert.equal(error.name, code)
    assert.equal(error.$metadata?.httpStatusCode, status)
    if (typeof message === 'string') assert.equal(error.message, message)
    else assert.match(error.message, message)
    return true
  })
}

/** AWS's AccessDenied text. */
export const denied = (caller: string, action: string, resource: string): string =>
  `User: ${caller} is not authorized to perform: ${action} on resource: ${resource}`
