import type { Operation } from '../../operation.js'
import { requireResource, updateResource } from '../resource-store.js'
import { localRoute, routeNotFound } from '../route-errors.js'
import { onRouteTable } from '../route-table-authz.js'
import type { RouteTableAttributes } from '../route-tables.js'
import { type RouteInput, routeOf } from '../route-targets.js'

/** EC2 ReplaceRoute: points an existing destination at another target. */
export const replaceRoute: Operation = {
  async authorize(ctx, input) {
    return [await onRouteTable(ctx, 'ec2:ReplaceRoute', input.RouteTableId)]
  },
  async run(ctx, input) {
    const table = await requireResource<RouteTableAttributes>(ctx, 'route-table', input.RouteTableId)
    const route = await routeOf(ctx, table, input as RouteInput)
    await updateResource(ctx, table, (current) => {
      const old = current.attributes.Routes.find((r) => r.DestinationCidrBlock === route.DestinationCidrBlock)
      if (old === undefined) throw routeNotFound(route.DestinationCidrBlock, table.id)
      if (old.GatewayId === 'local') throw localRoute(route.DestinationCidrBlock, table.id)
      const routes = current.attributes.Routes.map((r) => (r === old ? route : r))
      return { attributes: Object.assign({}, current.attributes, { Routes: routes }) }
    })
    return {}
  },
}
