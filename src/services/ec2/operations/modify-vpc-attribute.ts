import type { Operation } from '../../operation.js'
import { onResource } from '../authz.js'
import { invalidParameterCombination } from '../errors.js'
import { findResource, requireResource, updateResource } from '../resource-store.js'

type Flag = { Value?: boolean } | undefined

/** EC2 ModifyVpcAttribute: enableDnsSupport or enableDnsHostnames, one per call. */
export const modifyVpcAttribute: Operation = {
  async authorize(ctx, input) {
    const id = String(input.VpcId)
    const attribute = input.EnableDnsSupport !== undefined ? 'EnableDnsSupport' : 'EnableDnsHostnames'
    return [
      onResource(ctx, 'ec2:ModifyVpcAttribute', 'vpc', id, await findResource(ctx, 'vpc', id), {
        'ec2:Attribute': attribute,
      }),
    ]
  },
  async run(ctx, input) {
    const support = (input.EnableDnsSupport as Flag)?.Value
    const hostnames = (input.EnableDnsHostnames as Flag)?.Value
    // AWS: exactly one attribute per request.
    if ((support === undefined) === (hostnames === undefined))
      throw invalidParameterCombination(
        'Fields for multiple attribute types specified: enableDnsHostnames, enableDnsSupport',
      )
    const vpc = await requireResource(ctx, 'vpc', input.VpcId)
    await updateResource(ctx, vpc, (current) => ({
      attributes: Object.assign(
        {},
        current.attributes,
        support === undefined ? {} : { EnableDnsSupport: support },
        hostnames === undefined ? {} : { EnableDnsHostnames: hostnames },
      ),
    }))
    return {}
  },
}
