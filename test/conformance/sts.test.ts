import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { AssumeRoleCommand, GetFederationTokenCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts'
import { signForm } from '../e2e/sign.js'
import { startTestServer, type TestServer } from '../e2e/start.js'
import {
  ACCOUNT,
  addKey,
  createRole,
  createUser,
  type Keys,
  keysOf,
  policy,
  stsClient,
  trust,
} from '../e2e/sts/sts-fixtures.js'

/** One STS rule: a signed query call by a principal of the fixed world, and AWS's answer. */
interface StsCase {
  readonly name: string
  /**
   * `admin`, `nobody` (no policies), `denier` (Deny * on *), `root` (the account root's key), `plain-session`
   * (a session of role `plain`), `session-token` (GetSessionToken, no MFA), `federation-session`
   * (GetFederationToken `fed` of admin with an allow-all session policy).
   */
  readonly as: string
  /** `sts` unless told. */
  readonly service?: 'sts' | 'iam'
  readonly action: string
  readonly params: Readonly<Record<string, string>>
  readonly skip?: string
  readonly expect: {
    readonly status: number
    readonly code?: string
    readonly message?: string
    /** Texts the raw XML body of a success must contain. */
    readonly contains?: readonly string[]
  }
}

const VERSION = { sts: '2011-06-15', iam: '2010-05-08' } as const
const DIR = fileURLToPath(new URL('./sts/', import.meta.url))
const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

/** The fixed world the cases name: roles with the trust policies the rules need, and the callers. */
async function buildWorld(server: TestServer): Promise<Record<string, Keys>> {
  const { url, credentials: admin, app } = server
  const root = { AWS: `arn:aws:iam::${ACCOUNT}:root` }
  // A session of `plain` may assume roles (role chaining cases).
  await createRole(url, admin, app.store, 'plain', trust(root), [
    policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }),
  ])
  await createRole(url, admin, app.store, 'long', trust(root), [], { MaxSessionDuration: 7200 })
  await createRole(
    url,
    admin,
    app.store,
    'external',
    trust(root, 'sts:AssumeRole', { StringEquals: { 'sts:ExternalId': 'ext-123' } }),
  )
  await createRole(
    url,
    admin,
    app.store,
    'mfa-only',
    trust(root, 'sts:AssumeRole', { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
  )
  await createRole(
    url,
    admin,
    app.store,
    'tagging',
    trust(root, ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity']),
  )
  await createRole(url, admin, app.store, 'foreign-trust', trust({ AWS: 'arn:aws:iam::111122223333:root' }))
  const nobody = await createUser(app.store, 'nobody')
  const sts = stsClient(url, admin)
  const plainSession = keysOf(
    (
      await sts.send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/plain`, RoleSessionName: 'pp' }),
      )
    ).Credentials,
  )
  const sessionToken = keysOf((await sts.send(new GetSessionTokenCommand({}))).Credentials)
  const denier = await createUser(app.store, 'denier', [
    policy({ Effect: 'Deny', Action: '*', Resource: '*' }),
  ])
  const rootKeys = await addKey(app.store, undefined)
  const federation = async (name: string, sessionPolicy?: string) =>
    keysOf(
      (
        await sts.send(
          new GetFederationTokenCommand({ Name: name, ...(sessionPolicy ? { Policy: sessionPolicy } : {}) }),
        )
      ).Credentials,
    )
  return {
    admin,
    nobody,
    denier,
    root: rootKeys,
    'plain-session': plainSession,
    'session-token': sessionToken,
    'federation-session': await federation('fed', policy({ Effect: 'Allow', Action: '*', Resource: '*' })),
  }
}

/** Sends one case as a signed form POST and returns the status and body. */
async function call(server: TestServer, keys: Keys, c: StsCase): Promise<{ status: number; body: string }> {
  const service = c.service ?? 'sts'
  const form = new URLSearchParams({ Action: c.action, Version: VERSION[service], ...c.params })
  const signed = await signForm({
    url: server.url,
    credentials: keys,
    service,
    region: 'us-east-1',
    body: form.toString(),
  })
  const response = await fetch(`${server.url}${signed.path}`, {
    method: 'POST',
    headers: signed.headers,
    body: signed.body,
  })
  return { status: response.status, body: await response.text() }
}

describe('conformance: STS rules as data (test/conformance/sts/*.json), signed query calls against a started server', () => {
  let server: TestServer
  let world: Record<string, Keys>
  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
    world = await buildWorld(server)
  })
  after(() => server.stop())

  // web-identity*.json are unsigned token cases with their own runner (sts-web-identity.test.ts).
  for (const file of readdirSync(DIR)
    .filter((f) => f.endsWith('.json') && !f.startsWith('web-identity'))
    .sort()) {
    const cases = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as StsCase[]
    for (const c of cases) {
      it(`${file}: ${c.name}`, { skip: c.skip }, async () => {
        const keys = world[c.as]
        assert.ok(keys, `unknown caller ${c.as}`)
        const { status, body } = await call(server, keys, c)
        assert.equal(status, c.expect.status, body)
        if (c.expect.code !== undefined)
          assert.equal(/<Code>([^<]*)<\/Code>/.exec(body)?.[1], c.expect.code, body)
        if (c.expect.message !== undefined)
          assert.equal(
            unescapeXml(/<Message>([^<]*)<\/Message>/.exec(body)?.[1] ?? ''),
            c.expect.message,
            body,
          )
        for (const text of c.expect.contains ?? []) assert.ok(body.includes(text), `${text} not in ${body}`)
      })
    }
  }
})
