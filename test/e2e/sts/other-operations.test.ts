import assert from 'node:assert/strict'
import { createHmac, randomBytes } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail'
import { GetUserCommand } from '@aws-sdk/client-iam'
import {
  AssumeRoleCommand,
  DecodeAuthorizationMessageCommand,
  GetAccessKeyInfoCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
} from '@aws-sdk/client-sts'
import { base32Decode, base32Encode, newAccessKeyId } from '../../../src/kernel/ids.js'
import { encodeAuthorizationMessage, SealingKeyRing } from '../../../src/services/sts/index.js'
import { startTestServer, type TestServer } from '../start.js'
import {
  ACCOUNT,
  addKey,
  createRole,
  createUser,
  denied,
  iamClient,
  type Keys,
  keysOf,
  policy,
  rejectsWith,
  stsClient,
  trust,
} from './sts-fixtures.js'

const random = (size: number) => new Uint8Array(randomBytes(size))

/** RFC 6238 code of a base32 seed at `at` (30-second steps, SHA-1, 6 digits). */
function totp(seed: string, at: number): string {
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)))
  const mac = createHmac('sha1', base32Decode(seed)!).update(message).digest()
  const offset = mac[mac.length - 1]! & 0x0f
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0')
}

describe('e2e: STS GetSessionToken, GetFederationToken, GetAccessKeyInfo, DecodeAuthorizationMessage (SDK v3)', () => {
  let server: TestServer
  let dora: Keys & { userId: string }
  const seed = base32Encode(random(20))
  const serial = `arn:aws:iam::${ACCOUNT}:mfa/dora`

  before(async () => {
    server = await startTestServer()
    const store = server.app.store
    dora = await createUser(store, 'dora', [
      policy({ Effect: 'Allow', Action: ['sts:*', 'cloudtrail:LookupEvents'], Resource: '*' }),
    ])
    await store.mfaDevices.insert({
      serialNumber: serial,
      accountId: ACCOUNT,
      name: 'dora',
      path: '/',
      seed,
      tags: [],
      createdAt: new Date(),
    })
    await store.mfaDevices.enable(serial, dora.userId, new Date(), Math.floor(Date.now() / 30_000) - 10)
    await createRole(
      server.url,
      server.credentials,
      store,
      'mfa-only',
      trust({ AWS: ACCOUNT }, 'sts:AssumeRole', { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
    )
  })
  after(() => server.stop())

  it('GetSessionToken: the user itself for 12 hours by default; session credentials are refused', async () => {
    const out = await stsClient(server.url, dora).send(new GetSessionTokenCommand({}))
    assert.match(out.Credentials!.AccessKeyId!, /^ASIA/)
    const left = out.Credentials!.Expiration!.getTime() - Date.now()
    assert.ok(left > 43_100_000 && left <= 43_200_000, String(left))
    const session = stsClient(server.url, keysOf(out.Credentials))
    const me = await session.send(new GetCallerIdentityCommand({}))
    assert.deepEqual([me.Arn, me.UserId], [`arn:aws:iam::${ACCOUNT}:user/dora`, dora.userId])
    await rejectsWith(
      session.send(new GetSessionTokenCommand({})),
      'AccessDenied',
      403,
      'Cannot call GetSessionToken with session credentials',
    )
    await rejectsWith(
      session.send(new GetFederationTokenCommand({ Name: 'fed' })),
      'AccessDenied',
      403,
      'Cannot call GetFederationToken with session credentials',
    )
  })

  it('GetSessionToken: the root user is clamped to one hour; 129600 seconds is the model maximum', async () => {
    const root = await addKey(server.app.store, undefined)
    const out = await stsClient(server.url, root).send(new GetSessionTokenCommand({ DurationSeconds: 7200 }))
    assert.ok(out.Credentials!.Expiration!.getTime() - Date.now() <= 3_600_000)
    const me = await stsClient(server.url, keysOf(out.Credentials)).send(new GetCallerIdentityCommand({}))
    assert.equal(me.Arn, `arn:aws:iam::${ACCOUNT}:root`)
    await rejectsWith(
      stsClient(server.url, dora).send(new GetSessionTokenCommand({ DurationSeconds: 129_601 })),
      'ValidationError',
      400,
      "1 validation error detected: Value '129601' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 129600",
    )
  })

  it('MFA: a bad code or an unknown device is refused; a valid code carries MultiFactorAuthPresent into AssumeRole', async () => {
    const sts = stsClient(server.url, dora)
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/mfa-only`
    await rejectsWith(
      sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'nomfa' })),
      'AccessDenied',
      403,
      denied(`arn:aws:iam::${ACCOUNT}:user/dora`, 'sts:AssumeRole', roleArn),
    )
    const now = Date.now()
    const wrong = String((Number(totp(seed, now)) + 1) % 1_000_000).padStart(6, '0')
    await rejectsWith(
      sts.send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: wrong })),
      'AccessDenied',
      403,
      'MultiFactorAuthentication failed with invalid MFA one time pass code.',
    )
    await rejectsWith(
      sts.send(
        new GetSessionTokenCommand({ SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/nobody`, TokenCode: wrong }),
      ),
      'AccessDenied',
      403,
      'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.',
    )
    const code = totp(seed, now)
    const out = await sts.send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: code }))
    // AWS: a code is accepted once.
    await rejectsWith(
      sts.send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: code })),
      'AccessDenied',
      403,
      'MultiFactorAuthentication failed with invalid MFA one time pass code.',
    )
    const chained = await stsClient(server.url, keysOf(out.Credentials)).send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'withmfa' }),
    )
    assert.equal(chained.AssumedRoleUser?.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/mfa-only/withmfa`)
    const direct = await sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: 'direct',
        SerialNumber: serial,
        TokenCode: totp(seed, now + 30_000),
      }),
    )
    assert.ok(direct.Credentials)
  })

  it('GetFederationToken: the user permissions intersected with the session policy; none without one', async () => {
    const sts = stsClient(server.url, dora)
    const scoped = await sts.send(
      new GetFederationTokenCommand({
        Name: 'fed-user',
        Policy: policy({ Effect: 'Allow', Action: 'cloudtrail:LookupEvents', Resource: '*' }),
      }),
    )
    const arn = `arn:aws:sts::${ACCOUNT}:federated-user/fed-user`
    assert.deepEqual(scoped.FederatedUser, { FederatedUserId: `${ACCOUNT}:fed-user`, Arn: arn })
    assert.ok((scoped.PackedPolicySize ?? 0) > 0)
    const trail = (keys: Keys) =>
      new CloudTrailClient({ endpoint: server.url, region: 'us-east-1', credentials: keys })
    assert.ok(
      (await trail(keysOf(scoped.Credentials)).send(new LookupEventsCommand({ MaxResults: 1 }))).Events,
    )
    const bare = await sts.send(new GetFederationTokenCommand({ Name: 'fed-bare' }))
    await rejectsWith(
      trail(keysOf(bare.Credentials)).send(new LookupEventsCommand({ MaxResults: 1 })),
      'AccessDenied',
      403,
      /federated-user\/fed-bare is not authorized to perform: cloudtrail:LookupEvents/,
    )
    const nobody = await createUser(server.app.store, 'nobody')
    await rejectsWith(
      stsClient(server.url, nobody).send(new GetFederationTokenCommand({ Name: 'fed-x' })),
      'AccessDenied',
      403,
      denied(
        `arn:aws:iam::${ACCOUNT}:user/nobody`,
        'sts:GetFederationToken',
        `arn:aws:sts::${ACCOUNT}:federated-user/fed-x`,
      ),
    )
  })

  it('GetAccessKeyInfo decodes the account of any key id, and is authorized as sts:GetAccessKeyInfo', async () => {
    const sts = stsClient(server.url, dora)
    assert.equal(
      (await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: dora.accessKeyId }))).Account,
      ACCOUNT,
    )
    const foreign = newAccessKeyId('AKIA', '123456789012', random)
    assert.equal(
      (await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: foreign }))).Account,
      '123456789012',
    )
    const nobody = await createUser(server.app.store, 'nobody2')
    await rejectsWith(
      stsClient(server.url, nobody).send(new GetAccessKeyInfoCommand({ AccessKeyId: foreign })),
      'AccessDenied',
      403,
      denied(`arn:aws:iam::${ACCOUNT}:user/nobody2`, 'sts:GetAccessKeyInfo', '*'),
    )
  })

  it('DecodeAuthorizationMessage opens messages Lanyard encoded and rejects anything else', async () => {
    const ring = new SealingKeyRing(server.app.store.settings, random)
    const details = {
      allowed: false,
      explicitDeny: false,
      principal: { id: dora.userId, name: 'dora', arn: `arn:aws:iam::${ACCOUNT}:user/dora` },
      action: 'ec2:RunInstances',
      resource: 'arn:aws:ec2:us-east-1:000000000000:instance/*',
      conditions: { 'aws:Region': 'us-east-1' },
    }
    const encoded = await encodeAuthorizationMessage(ring, details, new Date(), random)
    const sts = stsClient(server.url, dora)
    const decoded = JSON.parse(
      (await sts.send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded }))).DecodedMessage!,
    )
    assert.equal(decoded.allowed, false)
    assert.deepEqual(decoded.context.principal, details.principal)
    assert.equal(decoded.context.action, 'ec2:RunInstances')
    assert.deepEqual(decoded.context.conditions.items, [
      { key: 'aws:Region', values: { items: [{ value: 'us-east-1' }] } },
    ])
    for (const garbage of ['garbage', `${encoded.slice(0, -4)}AAAA`])
      await rejectsWith(
        sts.send(new DecodeAuthorizationMessageCommand({ EncodedMessage: garbage })),
        'InvalidAuthorizationMessageException',
        400,
        'The message provided is invalid or expired.',
      )
  })

  it('session kinds: GetSessionToken credentials reach IAM only with MFA; federation tokens never reach IAM', async () => {
    const erinSeed = base32Encode(random(20))
    const erinSerial = `arn:aws:iam::${ACCOUNT}:mfa/erin`
    const store = server.app.store
    const erin = await createUser(store, 'erin', [
      policy({ Effect: 'Allow', Action: ['sts:*', 'iam:GetUser'], Resource: '*' }),
    ])
    await store.mfaDevices.insert({
      serialNumber: erinSerial,
      accountId: ACCOUNT,
      name: 'erin',
      path: '/',
      seed: erinSeed,
      tags: [],
      createdAt: new Date(),
    })
    await store.mfaDevices.enable(erinSerial, erin.userId, new Date(), Math.floor(Date.now() / 30_000) - 10)
    const sts = stsClient(server.url, erin)
    const invalid = 'The security token included in the request is invalid'
    const plain = keysOf((await sts.send(new GetSessionTokenCommand({}))).Credentials)
    await rejectsWith(
      iamClient(server.url, plain).send(new GetUserCommand({})),
      'InvalidClientTokenId',
      403,
      invalid,
    )
    await rejectsWith(
      stsClient(server.url, plain).send(new GetAccessKeyInfoCommand({ AccessKeyId: erin.accessKeyId })),
      'InvalidClientTokenId',
      403,
      invalid,
    )
    const withMfa = keysOf(
      (
        await sts.send(
          new GetSessionTokenCommand({ SerialNumber: erinSerial, TokenCode: totp(erinSeed, Date.now()) }),
        )
      ).Credentials,
    )
    const me = await iamClient(server.url, withMfa).send(new GetUserCommand({}))
    assert.equal(me.User?.UserName, 'erin')
    const federated = keysOf(
      (
        await sts.send(
          new GetFederationTokenCommand({
            Name: 'fed-erin',
            Policy: policy({ Effect: 'Allow', Action: '*', Resource: '*' }),
          }),
        )
      ).Credentials,
    )
    const fedSts = stsClient(server.url, federated)
    assert.equal(
      (await fedSts.send(new GetCallerIdentityCommand({}))).Arn,
      `arn:aws:sts::${ACCOUNT}:federated-user/fed-erin`,
    )
    await rejectsWith(
      iamClient(server.url, federated).send(new GetUserCommand({})),
      'InvalidClientTokenId',
      403,
      invalid,
    )
    await rejectsWith(
      fedSts.send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/mfa-only`, RoleSessionName: 'x' }),
      ),
      'InvalidClientTokenId',
      403,
      invalid,
    )
  })
})
