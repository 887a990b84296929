import type { Operation } from '../../operation.js'
import { onAnyResource } from '../authz.js'
import { describe } from '../describe.js'
import { SUBNET_FILTERS } from '../network-filters.js'

/** EC2 DescribeSubnets: by id, filter and page. */
export const describeSubnets: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeSubnets')]
  },
  async run(ctx, input) {
    const page = await describe(ctx, input, {
      type: 'subnet',
      idsMember: 'SubnetIds',
      idsParameter: 'subnetIds',
      filters: SUBNET_FILTERS,
    })
    return { Subnets: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) }
  },
}
