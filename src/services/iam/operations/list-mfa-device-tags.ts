import type { Operation } from '../../operation.js'
import { toTagShapes } from '../mappers/tags.js'
import { onDevice, requireDevice } from '../mfa-target.js'
import { pageOf, pageOutput, pageRequest } from '../pagination.js'

/** IAM ListMFADeviceTags. */
export const listMfaDeviceTags: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    return [await onDevice(ctx, 'iam:ListMFADeviceTags', String(input.SerialNumber))]
  },
  async run(ctx, input) {
    const device = await requireDevice(ctx, String(input.SerialNumber))
    const page = pageOf(device.tags, pageRequest(input))
    return pageOutput('Tags', page, (tag) => toTagShapes([tag])[0])
  },
}
