import type { Operation } from '../../operation.js'
import { type AddressAttributes, associationNotFound } from '../addresses.js'
import { onAnyResource, onResource } from '../authz.js'
import { missingParameter } from '../errors.js'
import { type Ec2Context, listResources, updateResource } from '../resource-store.js'

/** The address carrying an association id. */
async function byAssociation(ctx: Ec2Context, associationId: string) {
  return (await listResources<AddressAttributes>(ctx, 'elastic-ip')).find(
    (a) => a.attributes.AssociationId === associationId,
  )
}

/** EC2 DisassociateAddress: by AssociationId. */
export const disassociateAddress: Operation = {
  async authorize(ctx, input) {
    const address = await byAssociation(ctx, String(input.AssociationId ?? ''))
    if (address === undefined) return [onAnyResource(ctx, 'ec2:DisassociateAddress')]
    return [onResource(ctx, 'ec2:DisassociateAddress', 'elastic-ip', address.id, address)]
  },
  async run(ctx, input) {
    if (typeof input.AssociationId !== 'string') throw missingParameter('associationId')
    const address = await byAssociation(ctx, input.AssociationId)
    if (address === undefined) throw associationNotFound(input.AssociationId)
    await updateResource(ctx, address, (record) => {
      const {
        AssociationId: _a,
        InstanceId: _i,
        NetworkInterfaceId: _n,
        NetworkInterfaceOwnerId: _o,
        PrivateIpAddress: _p,
        ...rest
      } = record.attributes
      return { attributes: rest as AddressAttributes }
    })
    return {}
  },
}
