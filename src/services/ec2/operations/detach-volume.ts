import type { Operation } from '../../operation.js'
import { instanceAuthorizations } from '../compute/instance-authorization.js'
import type { VolumeAttributes } from '../compute/records.js'
import { detach } from '../compute/volume-attachment.js'
import { volumeAuthorization } from '../compute/volume-authorization.js'
import { findResource, requireResource } from '../resource-store.js'

/** EC2 DetachVolume: the volume becomes available again (the root volume only from a stopped instance). */
export const detachVolume: Operation = {
  async authorize(ctx, input) {
    const volume = await findResource<VolumeAttributes>(ctx, 'volume', String(input.VolumeId ?? ''))
    const instanceId = input.InstanceId ?? volume?.attributes.attachment?.instanceId
    return [
      ...(instanceId !== undefined
        ? await instanceAuthorizations(ctx, 'ec2:DetachVolume', [instanceId])
        : []),
      await volumeAuthorization(ctx, 'ec2:DetachVolume', input.VolumeId),
    ]
  },
  async run(ctx, input) {
    const volume = await requireResource<VolumeAttributes>(ctx, 'volume', input.VolumeId)
    const expected = typeof input.InstanceId === 'string' ? input.InstanceId : undefined
    const attachment = await detach(ctx, volume, expected)
    return {
      AttachTime: new Date(attachment.attachTime),
      Device: attachment.device,
      InstanceId: attachment.instanceId,
      State: 'detaching',
      VolumeId: volume.id,
      DeleteOnTermination: attachment.deleteOnTermination,
    }
  },
}
