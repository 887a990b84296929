import type { Operation } from '../../operation.js'
import { mfaNotEnabledForUser } from '../errors-users.js'
import { findDevice } from '../mfa-target.js'
import { onUser, requireUser, userOrCallerRequired } from '../user-target.js'

/** IAM DeactivateMFADevice: unassigns a device from a user (the device remains). */
export const deactivateMfaDevice: Operation = {
  async authorize(ctx, input) {
    return [onUser('iam:DeactivateMFADevice', await userOrCallerRequired(ctx, input))]
  },
  async run(ctx, input) {
    const user = requireUser(await userOrCallerRequired(ctx, input))
    const serial = String(input.SerialNumber)
    const device = await findDevice(ctx, serial)
    if (device?.userId !== user.id) throw mfaNotEnabledForUser(serial, user.name)
    await ctx.store.mfaDevices.deactivate(serial)
    return {}
  },
}
