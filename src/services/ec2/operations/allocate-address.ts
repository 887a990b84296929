import type { Operation } from '../../operation.js'
import { type AddressAttributes, newPublicIp } from '../addresses.js'
import { onNewResource, tagOnCreate } from '../authz.js'
import { invalidParameterValue } from '../errors.js'
import { addressLimitExceeded } from '../network-errors.js'
import { NETWORK_QUOTAS } from '../network-quotas.js'
import { newResourceId } from '../resource-ids.js'
import { countResources, insertResource } from '../resource-store.js'
import { tagsOnCreate } from '../tags.js'

/** EC2 AllocateAddress: a VPC Elastic IP from Amazon's pool, within the account's quota of five. */
export const allocateAddress: Operation = {
  async authorize(ctx, input) {
    const tags = tagsOnCreate(input, ['elastic-ip'])
    return [
      onNewResource(ctx, 'ec2:AllocateAddress', 'elastic-ip', tags, { 'ec2:Domain': 'vpc' }),
      ...tagOnCreate(ctx, 'AllocateAddress', 'elastic-ip', tags),
    ]
  },
  async run(ctx, input) {
    const tags = tagsOnCreate(input, ['elastic-ip'])
    if (input.Domain === 'standard')
      throw invalidParameterValue('EC2-Classic addresses are no longer supported.')
    if (input.Address !== undefined || input.PublicIpv4Pool !== undefined)
      throw invalidParameterValue('Lanyard allocates only from the Amazon pool.')
    if ((await countResources(ctx, 'elastic-ip')) >= NETWORK_QUOTAS.elasticIps) throw addressLimitExceeded()
    const id = newResourceId('eipalloc', ctx.random)
    const attributes: AddressAttributes = {
      AllocationId: id,
      PublicIp: newPublicIp(ctx.random),
      Domain: 'vpc',
      PublicIpv4Pool: 'amazon',
      NetworkBorderGroup: ctx.region,
    }
    await insertResource(ctx, 'elastic-ip', { id, tags, attributes })
    return { ...attributes }
  },
}
