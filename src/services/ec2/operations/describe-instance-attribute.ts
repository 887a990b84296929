import type { Operation } from '../../operation.js'
import { DESCRIBED_ATTRIBUTES, invalidAttribute } from '../compute/instance-attributes.js'
import { instanceAuthorizations } from '../compute/instance-authorization.js'
import { requireInstances } from '../compute/instances.js'

/** EC2 DescribeInstanceAttribute: one attribute of an instance. */
export const describeInstanceAttribute: Operation = {
  readOnly: true,
  authorize: (ctx, input) => instanceAuthorizations(ctx, 'ec2:DescribeInstanceAttribute', [input.InstanceId]),
  async run(ctx, input) {
    const name = String(input.Attribute)
    const read = DESCRIBED_ATTRIBUTES[name]
    if (read === undefined) throw invalidAttribute(name)
    const [record] = await requireInstances(ctx, [String(input.InstanceId)])
    return { InstanceId: record!.id, ...read(record!) }
  },
}
