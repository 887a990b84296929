import type { Operation } from '../../operation.js'
import { onResource } from '../authz.js'
import { invalidParameterCombination } from '../errors.js'
import { findResource, requireResource, updateResource } from '../resource-store.js'

/** The boolean attributes Lanyard keeps, by request member. */
const FLAGS = ['MapPublicIpOnLaunch', 'AssignIpv6AddressOnCreation', 'MapCustomerOwnedIpOnLaunch'] as const

/** EC2 ModifySubnetAttribute: MapPublicIpOnLaunch (and the other boolean flags), one per call. */
export const modifySubnetAttribute: Operation = {
  async authorize(ctx, input) {
    const id = String(input.SubnetId)
    const attribute = FLAGS.find((f) => input[f] !== undefined)
    return [
      onResource(ctx, 'ec2:ModifySubnetAttribute', 'subnet', id, await findResource(ctx, 'subnet', id), {
        ...(attribute === undefined ? {} : { 'ec2:Attribute': attribute }),
      }),
    ]
  },
  async run(ctx, input) {
    const given = FLAGS.filter((f) => input[f] !== undefined)
    // AWS: one attribute per request.
    if (given.length !== 1)
      throw invalidParameterCombination('Specify only one attribute to modify per request.')
    const flag = given[0]!
    const value = (input[flag] as { Value?: boolean }).Value === true
    const subnet = await requireResource(ctx, 'subnet', input.SubnetId)
    await updateResource(ctx, subnet, (current) => ({
      attributes: Object.assign({}, current.attributes, { [flag]: value }),
    }))
    return {}
  },
}
