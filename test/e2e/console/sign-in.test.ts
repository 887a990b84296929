import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail'
import {
  CreateLoginProfileCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GetUserCommand,
  ListUsersCommand,
  PutUserPolicyCommand,
  TagUserCommand,
} from '@aws-sdk/client-iam'
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { base32Decode } from '../../../src/kernel/ids.js'
import { hotp, totpCounter } from '../../../src/services/iam/totp.js'
import { userWithPolicy } from '../iam/user-fixtures.js'
import { startTestServer, type TestServer } from '../start.js'
import { iamClient, type Keys, policy, stsClient } from '../sts/sts-fixtures.js'

const ACCOUNT = '000000000000'
const PASSWORD = 'Console-Passw0rd!'
const FAILED = 'Your authentication information is incorrect. Please try again.'

/** The code of `seed` at `offset` 30-second steps from now. */
const codeAt = (seed: string, offset: number) => hotp(base32Decode(seed)!, totpCounter(new Date()) + offset)

interface SignInAnswer {
  status: number
  body: {
    error?: string
    mfaRequired?: boolean
    credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: string }
    arn?: string
  }
}

async function signIn(server: TestServer, form: Record<string, string>): Promise<SignInAnswer> {
  const response = await fetch(`${server.url}/console/api/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lanyard-console': '1' },
    body: JSON.stringify(form),
  })
  return { status: response.status, body: (await response.json()) as SignInAnswer['body'] }
}

const keysOf = (answer: SignInAnswer): Keys => {
  const { accessKeyId, secretAccessKey, sessionToken } = answer.body.credentials!
  return { accessKeyId, secretAccessKey, sessionToken }
}

/** The members of a ConsoleLogin event the test reads. */
interface ConsoleLoginEvent {
  readonly eventSource: string
  readonly eventType: string
  readonly recipientAccountId: string
  readonly errorMessage?: string
  readonly userIdentity: { readonly userName?: string; readonly arn?: string }
  readonly responseElements: Record<string, string>
  readonly additionalEventData: Record<string, string>
}

describe('e2e: console sign-in with a password and MFA (POST /console/api/signin)', () => {
  let server: TestServer
  let seed: string
  before(async () => {
    server = await startTestServer()
    const admin = iamClient(server.url, server.credentials)
    for (const name of ['pat', 'mfa-user']) {
      await admin.send(new CreateUserCommand({ UserName: name }))
      await admin.send(new CreateLoginProfileCommand({ UserName: name, Password: PASSWORD }))
      await admin.send(
        new PutUserPolicyCommand({
          UserName: name,
          PolicyName: 'list-users-with-mfa',
          PolicyDocument: policy({
            Effect: 'Allow',
            Action: 'iam:ListUsers',
            Resource: '*',
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
          }),
        }),
      )
    }
    const created = await admin.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'mfa-user' }))
    seed = Buffer.from(created.VirtualMFADevice!.Base32StringSeed!).toString('ascii')
    await admin.send(
      new EnableMFADeviceCommand({
        UserName: 'mfa-user',
        SerialNumber: created.VirtualMFADevice!.SerialNumber,
        AuthenticationCode1: codeAt(seed, -1),
        AuthenticationCode2: codeAt(seed, 0),
      }),
    )
  })
  after(() => server.stop())

  it('answers 12-hour credentials of the user, without MFA for a user who has no device', async () => {
    const answer = await signIn(server, { account: ACCOUNT, userName: 'pat', password: PASSWORD })
    assert.equal(answer.status, 200)
    assert.equal(answer.body.arn, `arn:aws:iam::${ACCOUNT}:user/pat`)
    const hours = (Date.parse(answer.body.credentials!.expiration) - Date.now()) / 3_600_000
    assert.ok(hours > 11.9 && hours <= 12, String(hours))
    const who = await stsClient(server.url, keysOf(answer)).send(new GetCallerIdentityCommand({}))
    assert.equal(who.Arn, `arn:aws:iam::${ACCOUNT}:user/pat`)
    await assert.rejects(iamClient(server.url, keysOf(answer)).send(new ListUsersCommand({})), {
      name: 'AccessDenied',
    })
  })

  it('answers one text for a wrong password, user or account', async () => {
    for (const form of [
      { account: ACCOUNT, userName: 'pat', password: 'wrong' },
      { account: ACCOUNT, userName: 'nobody', password: PASSWORD },
      { account: '123456789012', userName: 'pat', password: PASSWORD },
    ]) {
      const answer = await signIn(server, form)
      assert.equal(answer.status, 401)
      assert.deepEqual(answer.body, { error: FAILED })
    }
  })

  it('asks for the MFA code of a user with a device, refuses a wrong one, and marks the session MFA-authenticated', async () => {
    const form = { account: ACCOUNT, userName: 'mfa-user', password: PASSWORD }
    const asked = await signIn(server, form)
    assert.equal(asked.status, 401)
    assert.equal(asked.body.mfaRequired, true)
    assert.equal(asked.body.credentials, undefined)
    const wrongCode = String((Number(codeAt(seed, 1)) + 1) % 1_000_000).padStart(6, '0')
    const wrong = await signIn(server, { ...form, mfaCode: wrongCode })
    assert.equal(wrong.status, 401)
    assert.equal(wrong.body.error, FAILED)
    const code = codeAt(seed, 1)
    const answer = await signIn(server, { ...form, mfaCode: code })
    assert.equal(answer.status, 200)
    const users = await iamClient(server.url, keysOf(answer)).send(new ListUsersCommand({}))
    assert.ok(users.Users!.some((u) => u.UserName === 'mfa-user'))
    // AWS: a code is accepted once.
    assert.equal((await signIn(server, { ...form, mfaCode: code })).status, 401)
  })

  it('records ConsoleLogin events, successes and failures', async () => {
    await server.app.flushAudit()
    const trail = new CloudTrailClient({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: server.credentials,
      maxAttempts: 1,
    })
    const { Events } = await trail.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'ConsoleLogin' }],
      }),
    )
    const events = (Events ?? []).map((e) => JSON.parse(e.CloudTrailEvent!) as ConsoleLoginEvent)
    const success = events.find((e) => e.userIdentity.userName === 'mfa-user' && !e.errorMessage)!
    assert.equal(success.eventSource, 'signin.amazonaws.com')
    assert.equal(success.eventType, 'AwsConsoleSignIn')
    assert.deepEqual(success.responseElements, { ConsoleLogin: 'Success' })
    assert.equal(success.additionalEventData.MFAUsed, 'Yes')
    assert.equal(success.userIdentity.arn, `arn:aws:iam::${ACCOUNT}:user/mfa-user`)
    const failure = events.find((e) => e.userIdentity.userName === 'pat' && e.errorMessage)!
    assert.equal(failure.errorMessage, 'Failed authentication')
    assert.deepEqual(failure.responseElements, { ConsoleLogin: 'Failure' })
    // Nothing is recorded for an account that does not exist (and nothing in this one for it).
    assert.equal(events.filter((e) => e.recipientAccountId !== ACCOUNT).length, 0)
  })

  it("shows the sign-in in the user's own GetUser at once, and a tag added by another caller", async () => {
    const quinn = await userWithPolicy(server, 'quinn', [
      { Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' },
    ])
    const admin = iamClient(server.url, server.credentials)
    await admin.send(new CreateLoginProfileCommand({ UserName: 'quinn', Password: PASSWORD }))
    // The first call leaves quinn's credentials, user record included, in the server's cache.
    assert.equal((await quinn.send(new GetUserCommand({}))).User!.PasswordLastUsed, undefined)
    assert.equal(
      (await signIn(server, { account: ACCOUNT, userName: 'quinn', password: PASSWORD })).status,
      200,
    )
    const used = (await quinn.send(new GetUserCommand({}))).User!.PasswordLastUsed
    assert.ok(used !== undefined && Date.now() - used.getTime() < 60_000, String(used))
    await admin.send(new TagUserCommand({ UserName: 'quinn', Tags: [{ Key: 'team', Value: 'a' }] }))
    assert.deepEqual((await quinn.send(new GetUserCommand({}))).User!.Tags, [{ Key: 'team', Value: 'a' }])
    assert.deepEqual((await quinn.send(new GetUserCommand({ UserName: 'quinn' }))).User!.Tags, [
      { Key: 'team', Value: 'a' },
    ])
  })
})
