import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  ChangePasswordCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  DeleteAccountPasswordPolicyCommand,
  DeleteLoginProfileCommand,
  DeleteUserCommand,
  GetAccountPasswordPolicyCommand,
  GetLoginProfileCommand,
  type IAMClient,
  UpdateAccountPasswordPolicyCommand,
  UpdateLoginProfileCommand,
} from '@aws-sdk/client-iam'
import { startTestServer, type TestServer } from '../start.js'
import { adminIam, deniedText, rejectsWith, userWithPolicy } from './user-fixtures.js'

const A = 'arn:aws:iam::000000000000'
const VIOLATION = 'Password does not conform to the account password policy.'

describe('e2e iam: login profiles and the password policy', () => {
  let server: TestServer
  let iam: IAMClient
  before(async () => {
    server = await startTestServer()
    iam = adminIam(server)
    await iam.send(new CreateUserCommand({ UserName: 'pat' }))
  })
  after(() => server.stop())

  it('without a policy the default applies: 8 characters and three character types', async () => {
    await rejectsWith(
      iam.send(new CreateLoginProfileCommand({ UserName: 'pat', Password: 'short1A' })),
      'PasswordPolicyViolationException',
      VIOLATION,
      400,
    )
    await rejectsWith(
      iam.send(new CreateLoginProfileCommand({ UserName: 'pat', Password: 'alllowercase' })),
      'PasswordPolicyViolationException',
      VIOLATION,
      400,
    )
  })

  it('CreateLoginProfile, GetLoginProfile; a second one is EntityAlreadyExists; the hash is scrypt', async () => {
    const out = await iam.send(
      new CreateLoginProfileCommand({
        UserName: 'pat',
        Password: 'Correct-Horse-1',
        PasswordResetRequired: true,
      }),
    )
    assert.equal(out.LoginProfile?.UserName, 'pat')
    assert.equal(out.LoginProfile?.PasswordResetRequired, true)
    const got = await iam.send(new GetLoginProfileCommand({ UserName: 'pat' }))
    assert.equal(got.LoginProfile?.PasswordResetRequired, true)
    await rejectsWith(
      iam.send(new CreateLoginProfileCommand({ UserName: 'pat', Password: 'Correct-Horse-2' })),
      'EntityAlreadyExistsException',
      'Login Profile for user pat already exists.',
      409,
    )
    const { User } = await server.app.store.users.getByName('000000000000', 'pat').then((u) => ({ User: u! }))
    const stored = await server.app.store.loginProfiles.get(User.id)
    assert.match(stored!.passwordHash, /^scrypt\$N=16384,r=8,p=1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    assert.equal(stored!.passwordHash.includes('Correct-Horse-1'), false)
  })

  it('UpdateAccountPasswordPolicy sets the policy, GetAccountPasswordPolicy returns it with defaults', async () => {
    await iam.send(
      new UpdateAccountPasswordPolicyCommand({
        MinimumPasswordLength: 12,
        RequireSymbols: true,
        RequireNumbers: true,
        MaxPasswordAge: 90,
      }),
    )
    const { PasswordPolicy } = await iam.send(new GetAccountPasswordPolicyCommand({}))
    assert.deepEqual(PasswordPolicy, {
      MinimumPasswordLength: 12,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: false,
      RequireLowercaseCharacters: false,
      AllowUsersToChangePassword: false,
      ExpirePasswords: true,
      MaxPasswordAge: 90,
      HardExpiry: false,
    })
  })

  it('UpdateLoginProfile enforces the policy and clears the reset flag', async () => {
    await rejectsWith(
      iam.send(new UpdateLoginProfileCommand({ UserName: 'pat', Password: 'NoSymbols123' })),
      'PasswordPolicyViolationException',
      VIOLATION,
      400,
    )
    await iam.send(
      new UpdateLoginProfileCommand({
        UserName: 'pat',
        Password: 'with-symbol-123',
        PasswordResetRequired: false,
      }),
    )
    const got = await iam.send(new GetLoginProfileCommand({ UserName: 'pat' }))
    assert.equal(got.LoginProfile?.PasswordResetRequired, false)
  })

  it('ChangePassword needs the old password and a conforming new one', async () => {
    const pat = await userWithPolicy(server, 'pat2', [
      { Effect: 'Allow', Action: 'iam:ChangePassword', Resource: `${A}:user/\${aws:username}` },
    ])
    await iam.send(new CreateLoginProfileCommand({ UserName: 'pat2', Password: 'first-password-1' }))
    await rejectsWith(
      pat.send(
        new ChangePasswordCommand({ OldPassword: 'wrong-password-1', NewPassword: 'second-password-2' }),
      ),
      'InvalidInputException',
      'The old password is incorrect.',
      400,
    )
    await rejectsWith(
      pat.send(new ChangePasswordCommand({ OldPassword: 'first-password-1', NewPassword: 'short-1' })),
      'PasswordPolicyViolationException',
      VIOLATION,
      400,
    )
    await pat.send(
      new ChangePasswordCommand({ OldPassword: 'first-password-1', NewPassword: 'second-password-2' }),
    )
    await pat.send(
      new ChangePasswordCommand({ OldPassword: 'second-password-2', NewPassword: 'third-password-3' }),
    )
  })

  it('enforcement: a user allowed UpdateLoginProfile only on itself cannot reset another user', async () => {
    const eve = await userWithPolicy(server, 'eve', [
      { Effect: 'Allow', Action: 'iam:UpdateLoginProfile', Resource: `${A}:user/\${aws:username}` },
    ])
    await iam.send(new CreateLoginProfileCommand({ UserName: 'eve', Password: 'eve-password-01' }))
    await eve.send(new UpdateLoginProfileCommand({ UserName: 'eve', Password: 'eve-password-02' }))
    await rejectsWith(
      eve.send(new UpdateLoginProfileCommand({ UserName: 'pat', Password: 'owned-by-eve-1' })),
      'AccessDenied',
      deniedText('eve', 'iam:UpdateLoginProfile', `${A}:user/pat`),
      403,
    )
  })

  it('DeleteUser needs the login profile deleted first; DeleteLoginProfile; then NoSuchEntity', async () => {
    await rejectsWith(
      iam.send(new DeleteUserCommand({ UserName: 'pat' })),
      'DeleteConflictException',
      'Cannot delete entity, must delete login profile first.',
      409,
    )
    await iam.send(new DeleteLoginProfileCommand({ UserName: 'pat' }))
    await rejectsWith(
      iam.send(new GetLoginProfileCommand({ UserName: 'pat' })),
      'NoSuchEntityException',
      'Login Profile for User pat cannot be found.',
      404,
    )
    await iam.send(new DeleteUserCommand({ UserName: 'pat' }))
  })

  it('the audit trail never holds a password', async () => {
    let events: readonly { readonly event: Readonly<Record<string, unknown>> }[] = []
    // The audit writer flushes every second.
    for (let i = 0; i < 40 && events.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      events = (await server.app.store.audit.query({ eventName: 'CreateLoginProfile', limit: 10 })).items
    }
    assert.ok(events.length > 0)
    const text = JSON.stringify(events.map((e) => e.event))
    assert.equal(text.includes('Correct-Horse-1'), false)
    assert.equal(text.includes('first-password-1'), false)
    assert.equal(text.includes('HIDDEN_DUE_TO_SECURITY_REASONS'), true)
  })

  it('DeleteAccountPasswordPolicy; then Get is NoSuchEntity', async () => {
    await iam.send(new DeleteAccountPasswordPolicyCommand({}))
    await rejectsWith(
      iam.send(new GetAccountPasswordPolicyCommand({})),
      'NoSuchEntityException',
      'The Password Policy with domain name 000000000000 cannot be found.',
      404,
    )
  })
})
