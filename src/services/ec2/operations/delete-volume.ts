import type { Operation } from '../../operation.js'
import { volumeInUse } from '../compute/errors.js'
import type { VolumeAttributes } from '../compute/records.js'
import { volumeAuthorization } from '../compute/volume-authorization.js'
import { deleteResource, requireResource } from '../resource-store.js'

/** EC2 DeleteVolume: a volume that is not attached. */
export const deleteVolume: Operation = {
  async authorize(ctx, input) {
    return [await volumeAuthorization(ctx, 'ec2:DeleteVolume', input.VolumeId)]
  },
  async run(ctx, input) {
    const volume = await requireResource<VolumeAttributes>(ctx, 'volume', input.VolumeId)
    const attachment = volume.attributes.attachment
    if (attachment !== undefined) throw volumeInUse(volume.id, attachment.instanceId)
    await deleteResource(ctx, volume)
    return {}
  },
}
