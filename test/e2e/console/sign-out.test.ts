import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { CreateLoginProfileCommand, CreateRoleCommand, CreateUserCommand } from '@aws-sdk/client-iam'
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { startTestServer, type TestServer } from '../start.js'
import { ACCOUNT_TRUST, iamClient, type Keys, keysOf, stsClient } from '../sts/sts-fixtures.js'

const ACCOUNT = '000000000000'
const PASSWORD = 'Console-Passw0rd!'
const CONSOLE = { 'content-type': 'application/json', 'x-lanyard-console': '1' }

async function signIn(server: TestServer): Promise<Keys> {
  const response = await fetch(`${server.url}/console/api/signin`, {
    method: 'POST',
    headers: CONSOLE,
    body: JSON.stringify({ account: ACCOUNT, userName: 'pat', password: PASSWORD }),
  })
  assert.equal(response.status, 200)
  const { credentials } = (await response.json()) as { credentials: Keys }
  // The answer carries an ISO `expiration` too; the SDK wants a Date there, so only the keys are kept.
  return {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken!,
  }
}

async function signOut(
  server: TestServer,
  body: unknown,
  headers: Record<string, string> = CONSOLE,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}/console/api/signout`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  })
  return { status: response.status, body: await response.json() }
}

const whoAmI = (server: TestServer, keys: Keys) =>
  stsClient(server.url, keys).send(new GetCallerIdentityCommand({}))

describe('e2e: console sign-out ends the session on the server (POST /console/api/signout)', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer()
    const admin = iamClient(server.url, server.credentials)
    await admin.send(new CreateUserCommand({ UserName: 'pat' }))
    await admin.send(new CreateLoginProfileCommand({ UserName: 'pat', Password: PASSWORD }))
    await admin.send(new CreateRoleCommand({ RoleName: 'plain', AssumeRolePolicyDocument: ACCOUNT_TRUST }))
  })
  after(() => server.stop())

  it('refuses the signed-out session’s credentials afterwards; another sign-in of the same user keeps working', async () => {
    const first = await signIn(server)
    const second = await signIn(server)
    // Used before the sign-out, so whatever the server cached about the session must be dropped.
    assert.equal((await whoAmI(server, first)).Arn, `arn:aws:iam::${ACCOUNT}:user/pat`)
    const answer = await signOut(server, { accessKeyId: first.accessKeyId, sessionToken: first.sessionToken })
    assert.deepEqual(answer, { status: 200, body: { signedOut: true } })
    await assert.rejects(
      whoAmI(server, first),
      (error: Error & { $metadata?: { httpStatusCode?: number } }) => {
        assert.equal(error.name, 'InvalidClientTokenId')
        assert.equal(error.message, 'The security token included in the request is invalid')
        assert.equal(error.$metadata?.httpStatusCode, 403)
        return true
      },
    )
    assert.equal((await whoAmI(server, second)).Arn, `arn:aws:iam::${ACCOUNT}:user/pat`)
    // Signing out of an ended session again is harmless.
    const again = await signOut(server, { accessKeyId: first.accessKeyId, sessionToken: first.sessionToken })
    assert.equal(again.status, 200)
  })

  it('ends only a console session whose token matches its access key id', async () => {
    const session = await signIn(server)
    const other = await signIn(server)
    const mismatched = await signOut(server, {
      accessKeyId: other.accessKeyId,
      sessionToken: session.sessionToken,
    })
    assert.deepEqual(mismatched, {
      status: 401,
      body: { error: 'The credentials are not a console session.' },
    })
    const assumed = keysOf(
      (
        await stsClient(server.url, server.credentials).send(
          new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/plain`, RoleSessionName: 'cli' }),
        )
      ).Credentials,
    )
    const notConsole = await signOut(server, {
      accessKeyId: assumed.accessKeyId,
      sessionToken: assumed.sessionToken,
    })
    assert.equal(notConsole.status, 401)
    assert.match((await whoAmI(server, assumed)).Arn!, /assumed-role\/plain\/cli$/)
    assert.match((await whoAmI(server, session)).Arn!, /user\/pat$/)
    assert.match((await whoAmI(server, other)).Arn!, /user\/pat$/)
  })

  it('answers only the console page: JSON with the console header, POST, keys given', async () => {
    const session = await signIn(server)
    const keys = { accessKeyId: session.accessKeyId, sessionToken: session.sessionToken }
    assert.equal((await signOut(server, keys, { 'content-type': 'application/json' })).status, 403)
    assert.equal((await signOut(server, keys, { ...CONSOLE, origin: 'https://evil.example' })).status, 403)
    assert.equal((await signOut(server, { accessKeyId: session.accessKeyId })).status, 400)
    const get = await fetch(`${server.url}/console/api/signout`)
    assert.equal(get.status, 405)
    assert.equal(get.headers.get('allow'), 'POST')
    assert.match((await whoAmI(server, session)).Arn!, /user\/pat$/)
  })
})
