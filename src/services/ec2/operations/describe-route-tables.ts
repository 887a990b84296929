import type { Operation } from '../../operation.js'
import { onAnyResource } from '../authz.js'
import { describe } from '../describe.js'
import { ROUTE_TABLE_FILTERS } from '../network-filters.js'

/** EC2 DescribeRouteTables: by id, filter and page. */
export const describeRouteTables: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeRouteTables')]
  },
  async run(ctx, input) {
    const page = await describe(ctx, input, {
      type: 'route-table',
      idsMember: 'RouteTableIds',
      idsParameter: 'routeTableIds',
      filters: ROUTE_TABLE_FILTERS,
    })
    return { RouteTables: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) }
  },
}
