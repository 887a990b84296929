import type { Operation } from '../../operation.js'
import { invalidAuthenticationCode, mfaNotEnabledForUser } from '../errors-users.js'
import { consecutiveCodes } from '../mfa-codes.js'
import { findDevice } from '../mfa-target.js'
import { onUser, requireUser, userTarget } from '../user-target.js'

/** IAM ResyncMFADevice: re-checks a user's device with two consecutive codes. */
export const resyncMfaDevice: Operation = {
  async authorize(ctx, input) {
    return [onUser('iam:ResyncMFADevice', await userTarget(ctx, String(input.UserName)))]
  },
  async run(ctx, input) {
    const user = requireUser(await userTarget(ctx, String(input.UserName)))
    const serial = String(input.SerialNumber)
    const device = await findDevice(ctx, serial)
    if (device?.userId !== user.id) throw mfaNotEnabledForUser(serial, user.name)
    const counter = consecutiveCodes(
      device.seed,
      String(input.AuthenticationCode1),
      String(input.AuthenticationCode2),
      ctx.now,
    )
    // The server clock is the device's reference, so a resync only accepts codes not used before.
    if (counter === undefined || !(await ctx.store.mfaDevices.acceptCounter(serial, counter)))
      throw invalidAuthenticationCode()
    return {}
  },
}
