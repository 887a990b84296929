import type { Operation } from '../../operation.js'
import { onAnyResource } from '../authz.js'
import { describe } from '../describe.js'
import { INTERNET_GATEWAY_FILTERS } from '../network-filters.js'

/** EC2 DescribeInternetGateways: by id, filter and page. */
export const describeInternetGateways: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeInternetGateways')]
  },
  async run(ctx, input) {
    const page = await describe(ctx, input, {
      type: 'internet-gateway',
      idsMember: 'InternetGatewayIds',
      idsParameter: 'internetGatewayIds',
      filters: INTERNET_GATEWAY_FILTERS,
    })
    return { InternetGateways: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) }
  },
}
