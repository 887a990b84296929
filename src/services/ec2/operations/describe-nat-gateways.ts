import type { Operation } from '../../operation.js'
import { onAnyResource } from '../authz.js'
import { describe } from '../describe.js'
import { natGatewayShape } from '../nat-gateways.js'
import { NAT_GATEWAY_FILTERS } from '../network-filters.js'

/** EC2 DescribeNatGateways: by id, `Filter` and page, with states as of the request. */
export const describeNatGateways: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeNatGateways')]
  },
  async run(ctx, input) {
    const page = await describe(ctx, input, {
      type: 'natgateway',
      idsMember: 'NatGatewayIds',
      idsParameter: 'natGatewayIds',
      filters: NAT_GATEWAY_FILTERS,
      filtersMember: 'Filter',
      shape: natGatewayShape,
    })
    return { NatGateways: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) }
  },
}
