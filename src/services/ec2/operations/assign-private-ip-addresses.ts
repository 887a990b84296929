import type { Operation } from '../../operation.js'
import { invalidParameterValue } from '../errors.js'
import type { InstanceWithSecondaries } from '../network-interfaces.js'
import {
  addressTaken,
  freeAddresses,
  inBlock,
  instanceInterface,
  onInterface,
  outsideSubnet,
} from '../private-addresses.js'
import { type Ec2Record, inTransaction, requireResource, updateResource } from '../resource-store.js'

/**
 * EC2 AssignPrivateIpAddresses: secondary addresses on an instance's interface, named or counted; with
 * AllowReassignment a named address moves from the interface that holds it (OVN egress IPs do this).
 */
export const assignPrivateIpAddresses: Operation = {
  async authorize(ctx, input) {
    return [await onInterface(ctx, 'ec2:AssignPrivateIpAddresses', input.NetworkInterfaceId)]
  },
  async run(ctx, input) {
    const { found, all } = await instanceInterface(ctx, input.NetworkInterfaceId)
    const subnet = await requireResource(ctx, 'subnet', found.subnetId)
    const cidr = String(subnet.attributes.CidrBlock)
    const named = (input.PrivateIpAddresses ?? []) as string[]
    const count =
      input.SecondaryPrivateIpAddressCount === undefined ? 0 : Number(input.SecondaryPrivateIpAddressCount)
    if (named.length > 0 === count > 0)
      throw invalidParameterValue('Specify either PrivateIpAddresses or SecondaryPrivateIpAddressCount.')
    const used = new Set(all.filter((i) => i.subnetId === found.subnetId).flatMap((i) => i.addresses))
    const moves: { from: Ec2Record; ip: string }[] = []
    for (const ip of named) {
      if (!inBlock(cidr, ip)) throw outsideSubnet(ip)
      const holder = all.find((i) => i.addresses.includes(ip))
      if (holder === undefined || holder.id === found.id) continue
      if (input.AllowReassignment !== true || holder.kind !== 'instance' || holder.addresses[0] === ip)
        throw addressTaken(holder.id)
      moves.push({ from: holder.owner, ip })
    }
    const assigned =
      named.length > 0
        ? named.filter((ip) => !found.addresses.includes(ip))
        : freeAddresses(cidr, used, count)
    await inTransaction(ctx, async (tx) => {
      for (const move of moves)
        await updateResource(tx, move.from as unknown as Ec2Record<InstanceWithSecondaries>, (current) => ({
          attributes: Object.assign({}, current.attributes, {
            secondaryPrivateIpAddresses: (current.attributes.secondaryPrivateIpAddresses ?? []).filter(
              (ip) => ip !== move.ip,
            ),
          }),
        }))
      await updateResource(tx, found.owner as unknown as Ec2Record<InstanceWithSecondaries>, (current) => ({
        attributes: Object.assign({}, current.attributes, {
          secondaryPrivateIpAddresses: [
            ...(current.attributes.secondaryPrivateIpAddresses ?? []),
            ...assigned,
          ],
        }),
      }))
    })
    return {
      NetworkInterfaceId: found.id,
      AssignedPrivateIpAddresses: assigned.map((ip) => ({ PrivateIpAddress: ip })),
    }
  },
}
