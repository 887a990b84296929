import type { Operation } from '../../operation.js'
import { tagQuota } from '../errors-users.js'
import { onDevice, requireDevice } from '../mfa-target.js'
import { mergeTags, readTags, requestTagContext, requireDistinctKeys } from '../tag-rules.js'

/** AWS: tags per MFA device. */
const MAX_TAGS = 50

/** IAM TagMFADevice. */
export const tagMfaDevice: Operation = {
  async authorize(ctx, input) {
    const context = requestTagContext(readTags(input.Tags))
    return [await onDevice(ctx, 'iam:TagMFADevice', String(input.SerialNumber), context)]
  },
  async run(ctx, input) {
    const device = await requireDevice(ctx, String(input.SerialNumber))
    const added = readTags(input.Tags)
    requireDistinctKeys(added)
    const tags = mergeTags(device.tags, added)
    if (tags.length > MAX_TAGS) throw tagQuota('MFADevice')
    await ctx.store.mfaDevices.setTags(device.serialNumber, tags)
    return {}
  },
}
