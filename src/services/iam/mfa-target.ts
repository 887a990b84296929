import type { MfaDeviceRecord } from '../../store/index.js'
import type { AuthorizationRequest, OperationContext } from '../operation.js'
import { PARTITION } from './arns.js'
import { noSuchMfaDevice } from './errors-users.js'
import { resourceTagContext } from './tag-rules.js'

/** `arn:aws:iam::A:mfa<path><name>`: a virtual MFA device's ARN, which is its serial number. */
export const mfaArn = (account: string, path: string, name: string): string =>
  `arn:${PARTITION}:iam::${account}:mfa${path}${name}`

/** The device with this serial in the caller's account, if any. */
export async function findDevice(
  ctx: OperationContext,
  serial: string,
): Promise<MfaDeviceRecord | undefined> {
  const device = await ctx.store.mfaDevices.get(serial)
  return device?.accountId === ctx.caller!.principal.account ? device : undefined
}

/** The device, or AWS's NoSuchEntity. */
export async function requireDevice(ctx: OperationContext, serial: string): Promise<MfaDeviceRecord> {
  const device = await findDevice(ctx, serial)
  if (device === undefined) throw noSuchMfaDevice(serial)
  return device
}

/** The authorization of `action` on the device, with its resource tags. */
export async function onDevice(
  ctx: OperationContext,
  action: string,
  serial: string,
  context: AuthorizationRequest['context'] = {},
): Promise<AuthorizationRequest> {
  const device = await findDevice(ctx, serial)
  return { action, resource: serial, context: Object.assign(resourceTagContext(device?.tags ?? []), context) }
}
