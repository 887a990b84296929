import type { MfaDeviceRecord, UserRecord } from '../../../store/index.js'
import { toTagShapes } from './tags.js'
import { toUserShape } from './user.js'

/** An enabled device → the IAM `MFADevice` shape. */
export function toMfaDeviceShape(device: MfaDeviceRecord, userName: string): Record<string, unknown> {
  return { UserName: userName, SerialNumber: device.serialNumber, EnableDate: device.enabledAt }
}

/** A device → the `VirtualMFADevice` shape of ListVirtualMFADevices (no seed, no QR code). */
export function toVirtualMfaDeviceShape(
  device: MfaDeviceRecord,
  user: UserRecord | undefined,
): Record<string, unknown> {
  return {
    SerialNumber: device.serialNumber,
    ...(user ? { User: toUserShape(user, { list: true }), EnableDate: device.enabledAt } : {}),
    ...(device.tags.length > 0 ? { Tags: toTagShapes(device.tags) } : {}),
  }
}
