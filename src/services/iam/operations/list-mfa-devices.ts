import type { Operation } from '../../operation.js'
import { toMfaDeviceShape } from '../mappers/mfa-device.js'
import { pageOf, pageOutput, pageRequest } from '../pagination.js'
import { onUser, requireUser, userOrCallerRequired } from '../user-target.js'

/** IAM ListMFADevices: the devices enabled for a user (the caller when UserName is absent). */
export const listMfaDevices: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    return [onUser('iam:ListMFADevices', await userOrCallerRequired(ctx, input))]
  },
  async run(ctx, input) {
    const user = requireUser(await userOrCallerRequired(ctx, input))
    const page = pageOf(await ctx.store.mfaDevices.listForUser(user.id), pageRequest(input))
    return pageOutput('MFADevices', page, (device) => toMfaDeviceShape(device, user.name))
  },
}
