import type { Operation } from '../../operation.js'
import { invalidAuthenticationCode, mfaDeviceInUse } from '../errors-users.js'
import { consecutiveCodes } from '../mfa-codes.js'
import { requireDevice } from '../mfa-target.js'
import { onUser, requireUser, userTarget } from '../user-target.js'

/** IAM EnableMFADevice: assigns a virtual device to a user after two consecutive codes. */
export const enableMfaDevice: Operation = {
  async authorize(ctx, input) {
    return [onUser('iam:EnableMFADevice', await userTarget(ctx, String(input.UserName)))]
  },
  async run(ctx, input) {
    const user = requireUser(await userTarget(ctx, String(input.UserName)))
    const device = await requireDevice(ctx, String(input.SerialNumber))
    if (device.userId !== undefined) throw mfaDeviceInUse()
    const counter = consecutiveCodes(
      device.seed,
      String(input.AuthenticationCode1),
      String(input.AuthenticationCode2),
      ctx.now,
    )
    if (counter === undefined) throw invalidAuthenticationCode()
    if (!(await ctx.store.mfaDevices.enable(device.serialNumber, user.id, ctx.now, counter)))
      throw mfaDeviceInUse()
    return {}
  },
}
