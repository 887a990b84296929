import type { Operation } from '../../operation.js'
import { mfaDeviceStillAssigned } from '../errors-users.js'
import { onDevice, requireDevice } from '../mfa-target.js'

/** IAM DeleteVirtualMFADevice: only once it is deactivated. */
export const deleteVirtualMfaDevice: Operation = {
  async authorize(ctx, input) {
    return [await onDevice(ctx, 'iam:DeleteVirtualMFADevice', String(input.SerialNumber))]
  },
  async run(ctx, input) {
    const device = await requireDevice(ctx, String(input.SerialNumber))
    if (device.userId !== undefined) throw mfaDeviceStillAssigned()
    await ctx.store.mfaDevices.delete(device.serialNumber)
    return {}
  },
}
