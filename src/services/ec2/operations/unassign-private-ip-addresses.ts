import type { Operation } from '../../operation.js'
import { invalidParameterValue } from '../errors.js'
import type { InstanceWithSecondaries } from '../network-interfaces.js'
import { instanceInterface, onInterface } from '../private-addresses.js'
import { type Ec2Record, updateResource } from '../resource-store.js'

/** EC2 UnassignPrivateIpAddresses: removes secondary addresses from an instance's interface. */
export const unassignPrivateIpAddresses: Operation = {
  async authorize(ctx, input) {
    return [await onInterface(ctx, 'ec2:UnassignPrivateIpAddresses', input.NetworkInterfaceId)]
  },
  async run(ctx, input) {
    const { found } = await instanceInterface(ctx, input.NetworkInterfaceId)
    const doomed = (input.PrivateIpAddresses ?? []) as string[]
    const secondary = found.addresses.slice(1)
    // AWS: every address must be a secondary address of the interface.
    if (doomed.length === 0 || doomed.some((ip) => !secondary.includes(ip)))
      throw invalidParameterValue(`Some of the specified addresses are not assigned to interface ${found.id}`)
    await updateResource(ctx, found.owner as unknown as Ec2Record<InstanceWithSecondaries>, (current) => ({
      attributes: Object.assign({}, current.attributes, {
        secondaryPrivateIpAddresses: (current.attributes.secondaryPrivateIpAddresses ?? []).filter(
          (ip) => !doomed.includes(ip),
        ),
      }),
    }))
    return {}
  },
}
