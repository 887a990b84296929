import type { Operation } from '../../operation.js'
import { type AddressAttributes, addressInUse } from '../addresses.js'
import { onResource } from '../authz.js'
import { missingParameter } from '../errors.js'
import { deleteResource, findResource, requireResource } from '../resource-store.js'

/** EC2 ReleaseAddress: by AllocationId; AWS refuses while the address is associated or used by a NAT gateway. */
export const releaseAddress: Operation = {
  async authorize(ctx, input) {
    const id = String(input.AllocationId ?? '')
    return [
      onResource(ctx, 'ec2:ReleaseAddress', 'elastic-ip', id, await findResource(ctx, 'elastic-ip', id)),
    ]
  },
  async run(ctx, input) {
    if (input.AllocationId === undefined) throw missingParameter('allocationId')
    const address = await requireResource<AddressAttributes>(ctx, 'elastic-ip', input.AllocationId)
    if (address.attributes.AssociationId !== undefined || address.attributes.NatGatewayId !== undefined)
      throw addressInUse(address.attributes.PublicIp)
    await deleteResource(ctx, address)
    return {}
  },
}
