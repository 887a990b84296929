import type { Operation } from '../../operation.js'
import { onAnyResource } from '../authz.js'
import { describe } from '../describe.js'
import { endpointServiceShape } from '../endpoint-services.js'

const FILTERS = { 'service-name': 'ServiceName', 'service-id': 'ServiceId', 'service-state': 'ServiceState' }

/** EC2 DescribeVpcEndpointServiceConfigurations: the account's endpoint services, by id, filter and page. */
export const describeVpcEndpointServiceConfigurations: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeVpcEndpointServiceConfigurations')]
  },
  async run(ctx, input) {
    const page = await describe(ctx, input, {
      type: 'vpc-endpoint-service',
      idsMember: 'ServiceIds',
      idsParameter: 'serviceIds',
      filters: FILTERS,
      shape: endpointServiceShape,
    })
    return { ServiceConfigurations: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) }
  },
}
