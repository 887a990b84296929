import { AwsError } from '../../../kernel/aws-error.js'
import type { Operation } from '../../operation.js'
import { onAnyResource } from '../authz.js'
import { INSTANCE_TYPE_FILTERS, toInstanceTypeShape } from '../compute/instance-type-shape.js'
import { INSTANCE_TYPES } from '../compute/instance-types.js'
import { checkFilters, type Ec2Filter, matchesFilters } from '../filters.js'
import { paginate } from '../pagination.js'

/** EC2 DescribeInstanceTypes: the instance types Lanyard launches, with their vCPUs, memory and architecture. */
export const describeInstanceTypes: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeInstanceTypes')]
  },
  async run(_ctx, input) {
    const names = (input.InstanceTypes ?? []) as string[]
    const filters = (input.Filters ?? []) as Ec2Filter[]
    checkFilters(filters, INSTANCE_TYPE_FILTERS)
    const unknown = names.filter((n) => !INSTANCE_TYPES.has(n))
    // AWS: InvalidInstanceType names the unknown types.
    if (unknown.length > 0)
      throw new AwsError(
        'InvalidInstanceType',
        400,
        `The following supplied instance types do not exist: [${unknown.join(', ')}]`,
      )
    const items = [...INSTANCE_TYPES.values()]
      .filter((t) => names.length === 0 || names.includes(t.name))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(toInstanceTypeShape)
      .filter((shape) => matchesFilters(shape, filters, INSTANCE_TYPE_FILTERS))
    const page = paginate(items, (item) => String(item.InstanceType), input, { min: 5, max: 100 })
    return {
      InstanceTypes: page.items,
      ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}),
    }
  },
}
