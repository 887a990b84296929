import type { Operation } from '../../operation.js'
import { requireResource, updateResource } from '../resource-store.js'
import { routeAlreadyExists } from '../route-errors.js'
import { onRouteTable } from '../route-table-authz.js'
import type { RouteTableAttributes } from '../route-tables.js'
import { type RouteInput, routeOf } from '../route-targets.js'

/** EC2 CreateRoute: a route to an internet gateway, NAT gateway or instance; one per destination. */
export const createRoute: Operation = {
  async authorize(ctx, input) {
    return [await onRouteTable(ctx, 'ec2:CreateRoute', input.RouteTableId)]
  },
  async run(ctx, input) {
    const table = await requireResource<RouteTableAttributes>(ctx, 'route-table', input.RouteTableId)
    const route = await routeOf(ctx, table, input as RouteInput)
    await updateResource(ctx, table, (current) => {
      if (current.attributes.Routes.some((r) => r.DestinationCidrBlock === route.DestinationCidrBlock))
        throw routeAlreadyExists(route.DestinationCidrBlock)
      return {
        attributes: Object.assign({}, current.attributes, { Routes: [...current.attributes.Routes, route] }),
      }
    })
    return { Return: true }
  },
}
