import type { Operation } from '../../operation.js'
import { onAnyResource } from '../authz.js'
import { describe } from '../describe.js'
import { VPC_FILTERS } from '../network-filters.js'

/** EC2 DescribeVpcs: by id, filter and page. */
export const describeVpcs: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeVpcs')]
  },
  async run(ctx, input) {
    const page = await describe(ctx, input, {
      type: 'vpc',
      idsMember: 'VpcIds',
      idsParameter: 'vpcIds',
      filters: VPC_FILTERS,
    })
    return { Vpcs: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) }
  },
}
