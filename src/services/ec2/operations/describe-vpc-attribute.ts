import type { Operation } from '../../operation.js'
import { onResource } from '../authz.js'
import { invalidParameterValue } from '../errors.js'
import { findResource, requireResource } from '../resource-store.js'

/** The attributes DescribeVpcAttribute reads, by their wire name. */
const ATTRIBUTES: Readonly<Record<string, string>> = {
  enableDnsSupport: 'EnableDnsSupport',
  enableDnsHostnames: 'EnableDnsHostnames',
}

/** EC2 DescribeVpcAttribute: enableDnsSupport or enableDnsHostnames. */
export const describeVpcAttribute: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    const id = String(input.VpcId)
    return [onResource(ctx, 'ec2:DescribeVpcAttribute', 'vpc', id, await findResource(ctx, 'vpc', id))]
  },
  async run(ctx, input) {
    const member = ATTRIBUTES[String(input.Attribute)]
    if (member === undefined)
      throw invalidParameterValue(
        `Value (${String(input.Attribute)}) for parameter attribute is invalid. Unknown attribute.`,
      )
    const vpc = await requireResource(ctx, 'vpc', input.VpcId)
    return { VpcId: vpc.id, [member]: { Value: vpc.attributes[member] === true } }
  },
}
