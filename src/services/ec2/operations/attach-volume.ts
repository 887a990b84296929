import type { Operation } from '../../operation.js'
import { instanceAuthorizations } from '../compute/instance-authorization.js'
import { requireInstances } from '../compute/instances.js'
import type { VolumeAttributes } from '../compute/records.js'
import { attach } from '../compute/volume-attachment.js'
import { volumeAuthorization } from '../compute/volume-authorization.js'
import { requireResource } from '../resource-store.js'

/** EC2 AttachVolume: an available volume to a running or stopped instance in its zone. */
export const attachVolume: Operation = {
  async authorize(ctx, input) {
    return [
      ...(await instanceAuthorizations(ctx, 'ec2:AttachVolume', [input.InstanceId])),
      await volumeAuthorization(ctx, 'ec2:AttachVolume', input.VolumeId),
    ]
  },
  async run(ctx, input) {
    const volume = await requireResource<VolumeAttributes>(ctx, 'volume', input.VolumeId)
    const [instance] = await requireInstances(ctx, [String(input.InstanceId)])
    const device = String(input.Device ?? '')
    const at = await attach(ctx, volume, instance!, device)
    return {
      AttachTime: new Date(at),
      Device: device,
      InstanceId: instance!.id,
      State: 'attaching',
      VolumeId: volume.id,
      DeleteOnTermination: false,
    }
  },
}
