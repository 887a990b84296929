import type { Operation } from '../../operation.js'
import { dependencyViolation } from '../errors.js'
import { deleteResource, requireResource } from '../resource-store.js'
import { onRouteTable } from '../route-table-authz.js'
import type { RouteTableAttributes } from '../route-tables.js'

/** EC2 DeleteRouteTable: AWS answers DependencyViolation for the main table or one with subnet associations. */
export const deleteRouteTable: Operation = {
  async authorize(ctx, input) {
    return [await onRouteTable(ctx, 'ec2:DeleteRouteTable', input.RouteTableId)]
  },
  async run(ctx, input) {
    const table = await requireResource<RouteTableAttributes>(ctx, 'route-table', input.RouteTableId)
    if (table.attributes.Associations.length > 0) throw dependencyViolation('routeTable', table.id)
    await deleteResource(ctx, table)
    return {}
  },
}
