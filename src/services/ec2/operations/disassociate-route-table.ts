import type { Operation } from '../../operation.js'
import { onAnyResource } from '../authz.js'
import { invalidParameterValue } from '../errors.js'
import { type Ec2Context, listResources, updateResource } from '../resource-store.js'
import { routeAssociationNotFound } from '../route-errors.js'
import { onRouteTable } from '../route-table-authz.js'
import type { RouteTableAttributes } from '../route-tables.js'

/** The table holding an association id. */
async function tableWith(ctx: Ec2Context, associationId: string) {
  return (await listResources<RouteTableAttributes>(ctx, 'route-table')).find((t) =>
    t.attributes.Associations.some((a) => a.RouteTableAssociationId === associationId),
  )
}

/** EC2 DisassociateRouteTable: by association id; the main association stays. */
export const disassociateRouteTable: Operation = {
  async authorize(ctx, input) {
    const table = await tableWith(ctx, String(input.AssociationId))
    if (table === undefined) return [onAnyResource(ctx, 'ec2:DisassociateRouteTable')]
    return [await onRouteTable(ctx, 'ec2:DisassociateRouteTable', table.id)]
  },
  async run(ctx, input) {
    const id = String(input.AssociationId)
    const table = await tableWith(ctx, id)
    if (table === undefined) throw routeAssociationNotFound(id)
    if (table.attributes.Associations.some((a) => a.RouteTableAssociationId === id && a.Main))
      throw invalidParameterValue(`cannot disassociate the main route table association ${id}`)
    await updateResource(ctx, table, (current) => ({
      attributes: Object.assign({}, current.attributes, {
        Associations: current.attributes.Associations.filter((a) => a.RouteTableAssociationId !== id),
      }),
    }))
    return {}
  },
}
