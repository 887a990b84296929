import type { Operation } from '../../operation.js'
import { onDevice, requireDevice } from '../mfa-target.js'
import { removeTags, tagKeysContext } from '../tag-rules.js'

const keysOf = (input: Record<string, unknown>) =>
  Array.isArray(input.TagKeys) ? input.TagKeys.map(String) : []

/** IAM UntagMFADevice; missing keys are ignored. */
export const untagMfaDevice: Operation = {
  async authorize(ctx, input) {
    return [
      await onDevice(ctx, 'iam:UntagMFADevice', String(input.SerialNumber), tagKeysContext(keysOf(input))),
    ]
  },
  async run(ctx, input) {
    const device = await requireDevice(ctx, String(input.SerialNumber))
    await ctx.store.mfaDevices.setTags(device.serialNumber, removeTags(device.tags, keysOf(input)))
    return {}
  },
}
