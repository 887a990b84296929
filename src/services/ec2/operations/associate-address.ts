import { AwsError } from '../../../kernel/aws-error.js'
import type { Operation } from '../../operation.js'
import { type AddressAttributes, addressAlreadyAssociated } from '../addresses.js'
import { accountOf, onResource } from '../authz.js'
import { missingParameter } from '../errors.js'
import { newResourceId } from '../resource-ids.js'
import { findResource, requireResource, updateResource } from '../resource-store.js'

/** A stored instance's private address, whichever way its attributes spell it. */
const privateIpOf = (attributes: Readonly<Record<string, unknown>>): string | undefined => {
  const ip = attributes.PrivateIpAddress ?? attributes.privateIpAddress
  return typeof ip === 'string' ? ip : undefined
}

/** EC2 AssociateAddress: an Elastic IP (by AllocationId) to an instance. */
export const associateAddress: Operation = {
  async authorize(ctx, input) {
    const allocation = String(input.AllocationId ?? '')
    const requests = [
      onResource(
        ctx,
        'ec2:AssociateAddress',
        'elastic-ip',
        allocation,
        await findResource(ctx, 'elastic-ip', allocation),
      ),
    ]
    if (typeof input.InstanceId === 'string')
      requests.push(
        onResource(
          ctx,
          'ec2:AssociateAddress',
          'instance',
          input.InstanceId,
          await findResource(ctx, 'instance', input.InstanceId),
        ),
      )
    return requests
  },
  async run(ctx, input) {
    if (input.AllocationId === undefined) throw missingParameter('allocationId')
    if (typeof input.InstanceId !== 'string') {
      // Lanyard keeps no standalone network interfaces.
      if (input.NetworkInterfaceId !== undefined)
        throw new AwsError(
          'InvalidNetworkInterfaceID.NotFound',
          400,
          `The networkInterface ID '${String(input.NetworkInterfaceId)}' does not exist`,
        )
      throw missingParameter('instanceId')
    }
    const address = await requireResource<AddressAttributes>(ctx, 'elastic-ip', input.AllocationId)
    const instance = await requireResource(ctx, 'instance', input.InstanceId)
    const current = address.attributes.AssociationId
    if (current !== undefined && input.AllowReassociation !== true)
      throw addressAlreadyAssociated(address.id, current)
    const associationId = newResourceId('eipassoc', ctx.random)
    const privateIp = privateIpOf(instance.attributes)
    await updateResource(ctx, address, (record) => ({
      attributes: Object.assign(
        {},
        record.attributes,
        { AssociationId: associationId, InstanceId: instance.id, NetworkInterfaceOwnerId: accountOf(ctx) },
        privateIp === undefined ? {} : { PrivateIpAddress: privateIp },
      ),
    }))
    return { AssociationId: associationId }
  },
}
