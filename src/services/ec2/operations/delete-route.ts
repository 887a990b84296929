import type { Operation } from '../../operation.js'
import { missingParameter } from '../errors.js'
import { requireResource, updateResource } from '../resource-store.js'
import { localRoute, routeNotFound } from '../route-errors.js'
import { onRouteTable } from '../route-table-authz.js'
import type { RouteTableAttributes } from '../route-tables.js'

/** EC2 DeleteRoute: by destination; the local route stays. */
export const deleteRoute: Operation = {
  async authorize(ctx, input) {
    return [await onRouteTable(ctx, 'ec2:DeleteRoute', input.RouteTableId)]
  },
  async run(ctx, input) {
    const destination = input.DestinationCidrBlock
    if (typeof destination !== 'string') throw missingParameter('destinationCidrBlock')
    const table = await requireResource<RouteTableAttributes>(ctx, 'route-table', input.RouteTableId)
    await updateResource(ctx, table, (current) => {
      const old = current.attributes.Routes.find((r) => r.DestinationCidrBlock === destination)
      if (old === undefined) throw routeNotFound(destination, table.id)
      if (old.GatewayId === 'local') throw localRoute(destination, table.id)
      return {
        attributes: Object.assign({}, current.attributes, {
          Routes: current.attributes.Routes.filter((r) => r !== old),
        }),
      }
    })
    return {}
  },
}
