import type { Operation } from '../../operation.js'
import { attributeChange } from '../compute/attribute-change.js'
import { instanceAuthorizations } from '../compute/instance-authorization.js'
import { requireInstances } from '../compute/instances.js'
import type { InstanceAttributes, VolumeAttributes } from '../compute/records.js'
import { findResource, updateResource } from '../resource-store.js'

/** EC2 ModifyInstanceAttribute: one attribute of an instance (type, user data, protections, groups, …). */
export const modifyInstanceAttribute: Operation = {
  authorize: (ctx, input) => instanceAuthorizations(ctx, 'ec2:ModifyInstanceAttribute', [input.InstanceId]),
  async run(ctx, input) {
    const [record] = await requireInstances(ctx, [String(input.InstanceId)])
    const change = await attributeChange(ctx, record!, input)
    await updateResource<InstanceAttributes>(ctx, record!, (current) => ({
      attributes: Object.assign({}, current.attributes, change),
    }))
    // The volumes keep their own DeleteOnTermination in step with the instance's mapping.
    for (const device of change.blockDevices ?? []) {
      const volume = await findResource<VolumeAttributes>(ctx, 'volume', device.volumeId)
      if (volume?.attributes.attachment === undefined) continue
      await updateResource<VolumeAttributes>(ctx, volume, (current) => ({
        attributes: Object.assign({}, current.attributes, {
          attachment: Object.assign({}, current.attributes.attachment!, {
            deleteOnTermination: device.deleteOnTermination,
          }),
        }),
      }))
    }
    return {}
  },
}
