import type { Operation } from '../../operation.js'
import { onAnyResource } from '../authz.js'
import { describe } from '../describe.js'
import { VPC_ENDPOINT_FILTERS } from '../network-filters.js'
import { toWireTags } from '../tags.js'
import { endpointShape, type VpcEndpointAttributes } from '../vpc-endpoints.js'

/** EC2 DescribeVpcEndpoints: by id, filter and page. */
export const describeVpcEndpoints: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeVpcEndpoints')]
  },
  async run(ctx, input) {
    const page = await describe(ctx, input, {
      type: 'vpc-endpoint',
      idsMember: 'VpcEndpointIds',
      idsParameter: 'vpcEndpointIds',
      filters: VPC_ENDPOINT_FILTERS,
      shape: (record) =>
        endpointShape(record.attributes as unknown as VpcEndpointAttributes, toWireTags(record.tags)),
    })
    return { VpcEndpoints: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) }
  },
}
