import { AwsError } from '../../../kernel/aws-error.js'
import type { Operation } from '../../operation.js'
import { onResource } from '../authz.js'
import { missingParameter } from '../errors.js'
import { newResourceId } from '../resource-ids.js'
import { findResource, listResources, requireResource, updateResource } from '../resource-store.js'
import { differentNetworks } from '../route-errors.js'
import { onRouteTable } from '../route-table-authz.js'
import type { RouteTableAttributes } from '../route-tables.js'

/** EC2 AssociateRouteTable: a subnet of the table's VPC, which no other table has explicitly. */
export const associateRouteTable: Operation = {
  async authorize(ctx, input) {
    const requests = [await onRouteTable(ctx, 'ec2:AssociateRouteTable', input.RouteTableId)]
    if (typeof input.SubnetId === 'string')
      requests.push(
        onResource(
          ctx,
          'ec2:AssociateRouteTable',
          'subnet',
          input.SubnetId,
          await findResource(ctx, 'subnet', input.SubnetId),
        ),
      )
    return requests
  },
  async run(ctx, input) {
    if (typeof input.SubnetId !== 'string') throw missingParameter('subnetId')
    const table = await requireResource<RouteTableAttributes>(ctx, 'route-table', input.RouteTableId)
    const subnet = await requireResource(ctx, 'subnet', input.SubnetId)
    if (subnet.attributes.VpcId !== table.attributes.VpcId)
      throw differentNetworks(table.id, subnet.id, 'subnet')
    const tables = await listResources<RouteTableAttributes>(ctx, 'route-table', {
      parentId: table.attributes.VpcId,
    })
    if (tables.some((t) => t.attributes.Associations.some((a) => a.SubnetId === subnet.id)))
      throw new AwsError(
        'Resource.AlreadyAssociated',
        400,
        `the specified association for route table ${table.id} conflicts with an existing association`,
      )
    const associationId = newResourceId('rtbassoc', ctx.random)
    await updateResource(ctx, table, (current) => ({
      attributes: Object.assign({}, current.attributes, {
        Associations: [
          ...current.attributes.Associations,
          {
            Main: false,
            RouteTableAssociationId: associationId,
            RouteTableId: table.id,
            SubnetId: subnet.id,
            AssociationState: { State: 'associated' as const },
          },
        ],
      }),
    }))
    return { AssociationId: associationId, AssociationState: { State: 'associated' } }
  },
}
