import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteUserCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  type IAMClient,
  ListMFADevicesCommand,
  ListMFADeviceTagsCommand,
  ListVirtualMFADevicesCommand,
  ResyncMFADeviceCommand,
  TagMFADeviceCommand,
  UntagMFADeviceCommand,
} from '@aws-sdk/client-iam'
import { base32Decode } from '../../../src/kernel/ids.js'
import { verifyMfaCode } from '../../../src/services/iam/index.js'
import { hotp, totpCounter } from '../../../src/services/iam/totp.js'
import { startTestServer, type TestServer } from '../start.js'
import { adminIam, deniedText, rejectsWith, userWithPolicy } from './user-fixtures.js'

const A = 'arn:aws:iam::000000000000'
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** The code of `seed` at `offset` steps from now. */
const codeAt = (seed: string, offset: number) => hotp(base32Decode(seed)!, totpCounter(new Date()) + offset)

describe('e2e iam: virtual MFA devices', () => {
  let server: TestServer
  let iam: IAMClient
  let seed: string
  before(async () => {
    server = await startTestServer()
    iam = adminIam(server)
    await iam.send(new CreateUserCommand({ UserName: 'mia' }))
  })
  after(() => server.stop())

  it('CreateVirtualMFADevice returns the serial, a 64-character base32 seed and a PNG QR code', async () => {
    const { VirtualMFADevice: device } = await iam.send(
      new CreateVirtualMFADeviceCommand({
        VirtualMFADeviceName: 'mia-phone',
        Tags: [{ Key: 'kind', Value: 'app' }],
      }),
    )
    assert.equal(device?.SerialNumber, `${A}:mfa/mia-phone`)
    seed = Buffer.from(device!.Base32StringSeed!).toString('ascii')
    assert.match(seed, /^[A-Z2-7]{64}$/)
    assert.deepEqual([...device!.QRCodePNG!.slice(0, 8)], PNG_MAGIC)
    const stored = await server.app.store.mfaDevices.get(device!.SerialNumber!)
    assert.equal(stored?.seed, seed)
    await rejectsWith(
      iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'MIA-PHONE' })),
      'EntityAlreadyExistsException',
      'MFADevice entity at the same path and name already exists.',
      409,
    )
  })

  it('EnableMFADevice refuses codes that are not two consecutive ones', async () => {
    await rejectsWith(
      iam.send(
        new EnableMFADeviceCommand({
          UserName: 'mia',
          SerialNumber: `${A}:mfa/mia-phone`,
          AuthenticationCode1: codeAt(seed, 0),
          AuthenticationCode2: codeAt(seed, -1),
        }),
      ),
      'InvalidAuthenticationCodeException',
      'Authentication code for device is not valid.',
      403,
    )
  })

  it('EnableMFADevice with two consecutive codes assigns the device; listings show it', async () => {
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: 'mia',
        SerialNumber: `${A}:mfa/mia-phone`,
        AuthenticationCode1: codeAt(seed, -1),
        AuthenticationCode2: codeAt(seed, 0),
      }),
    )
    const listed = await iam.send(new ListMFADevicesCommand({ UserName: 'mia' }))
    assert.deepEqual(
      listed.MFADevices?.map((d) => [d.UserName, d.SerialNumber]),
      [['mia', `${A}:mfa/mia-phone`]],
    )
    assert.ok(listed.MFADevices?.[0]?.EnableDate instanceof Date)
    const assigned = await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Assigned' }))
    assert.equal(assigned.VirtualMFADevices?.[0]?.User?.UserName, 'mia')
    const unassigned = await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Unassigned' }))
    assert.deepEqual(unassigned.VirtualMFADevices, [])
    await rejectsWith(
      iam.send(
        new EnableMFADeviceCommand({
          UserName: 'mia',
          SerialNumber: `${A}:mfa/mia-phone`,
          AuthenticationCode1: codeAt(seed, -1),
          AuthenticationCode2: codeAt(seed, 0),
        }),
      ),
      'EntityAlreadyExistsException',
      'MFA Device is already in use.',
      409,
    )
  })

  it('ResyncMFADevice accepts the next consecutive pair once', async () => {
    // The pair is computed once: a replay must repeat the same codes even if a time step passes.
    const AuthenticationCode1 = codeAt(seed, 0)
    const AuthenticationCode2 = codeAt(seed, 1)
    const resync = () =>
      iam.send(
        new ResyncMFADeviceCommand({
          UserName: 'mia',
          SerialNumber: `${A}:mfa/mia-phone`,
          AuthenticationCode1,
          AuthenticationCode2,
        }),
      )
    await resync()
    await rejectsWith(
      resync(),
      'InvalidAuthenticationCodeException',
      'Authentication code for device is not valid.',
      403,
    )
  })

  it('verifyMfaCode accepts a current code once and refuses a replay, a wrong code and an unassigned device', async () => {
    const { VirtualMFADevice: device } = await iam.send(
      new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'sts' }),
    )
    const other = Buffer.from(device!.Base32StringSeed!).toString('ascii')
    const serial = device!.SerialNumber!
    const store = server.app.store
    assert.deepEqual(await verifyMfaCode(store, serial, codeAt(other, 0), new Date()), { ok: false })
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: 'mia',
        SerialNumber: serial,
        AuthenticationCode1: codeAt(other, -2),
        AuthenticationCode2: codeAt(other, -1),
      }),
    )
    const user = await store.users.getByName('000000000000', 'mia')
    const code = codeAt(other, 0)
    assert.deepEqual(await verifyMfaCode(store, serial, code, new Date()), {
      ok: true,
      serialNumber: serial,
      userId: user!.id,
    })
    assert.deepEqual(await verifyMfaCode(store, serial, code, new Date()), { ok: false })
    const wrong = code === '000000' ? '000001' : '000000'
    assert.deepEqual(await verifyMfaCode(store, serial, wrong, new Date()), { ok: false })
    await iam.send(new DeactivateMFADeviceCommand({ UserName: 'mia', SerialNumber: serial }))
    await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial }))
  })

  it('TagMFADevice, UntagMFADevice, ListMFADeviceTags', async () => {
    const serial = `${A}:mfa/mia-phone`
    await iam.send(
      new TagMFADeviceCommand({
        SerialNumber: serial,
        Tags: [
          { Key: 'KIND', Value: 'totp' },
          { Key: 'x', Value: '1' },
        ],
      }),
    )
    await iam.send(new UntagMFADeviceCommand({ SerialNumber: serial, TagKeys: ['X'] }))
    const { Tags } = await iam.send(new ListMFADeviceTagsCommand({ SerialNumber: serial }))
    assert.deepEqual(Tags, [{ Key: 'KIND', Value: 'totp' }])
  })

  it('an enabled device blocks DeleteUser and DeleteVirtualMFADevice until deactivated', async () => {
    const serial = `${A}:mfa/mia-phone`
    await rejectsWith(
      iam.send(new DeleteUserCommand({ UserName: 'mia' })),
      'DeleteConflictException',
      'Cannot delete entity, must delete MFA device first.',
      409,
    )
    await rejectsWith(
      iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial })),
      'DeleteConflictException',
      'MFA VirtualDevice in use. Must deactivate first.',
      409,
    )
    await iam.send(new DeactivateMFADeviceCommand({ UserName: 'mia', SerialNumber: serial }))
    await rejectsWith(
      iam.send(new DeactivateMFADeviceCommand({ UserName: 'mia', SerialNumber: serial })),
      'NoSuchEntityException',
      `MFA Device with serial number ${serial} not found for user mia.`,
      404,
    )
    await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial }))
    await rejectsWith(
      iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial })),
      'NoSuchEntityException',
      `VirtualMFADevice with serial number ${serial} doesn't exist.`,
      404,
    )
    await iam.send(new DeleteUserCommand({ UserName: 'mia' }))
  })

  it('enforcement: EnableMFADevice is authorized on the target user', async () => {
    const max = await userWithPolicy(server, 'max', [
      {
        Effect: 'Allow',
        Action: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice'],
        Resource: [`${A}:mfa/\${aws:username}`, `${A}:user/\${aws:username}`],
      },
    ])
    await max.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'max' }))
    await rejectsWith(
      max.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'not-max' })),
      'AccessDenied',
      deniedText('max', 'iam:CreateVirtualMFADevice', `${A}:mfa/not-max`),
      403,
    )
    await rejectsWith(
      max.send(
        new EnableMFADeviceCommand({
          UserName: 'admin',
          SerialNumber: `${A}:mfa/max`,
          AuthenticationCode1: '123456',
          AuthenticationCode2: '654321',
        }),
      ),
      'AccessDenied',
      deniedText('max', 'iam:EnableMFADevice', `${A}:user/admin`),
      403,
    )
  })
})
