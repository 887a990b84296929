import type { Operation } from '../../operation.js'
import { onNewResource, onResource, tagOnCreate } from '../authz.js'
import { wireShape } from '../describe.js'
import { newResourceId } from '../resource-ids.js'
import { findResource, insertResource, requireResource } from '../resource-store.js'
import { routeTableAttributes } from '../route-tables.js'
import { tagsOnCreate } from '../tags.js'
import type { VpcAttributes } from '../vpcs.js'

/** EC2 CreateRouteTable: a table with the VPC's local route and no associations. */
export const createRouteTable: Operation = {
  async authorize(ctx, input) {
    const tags = tagsOnCreate(input, ['route-table'])
    const vpcId = String(input.VpcId)
    const vpc = onResource(ctx, 'ec2:CreateRouteTable', 'vpc', vpcId, await findResource(ctx, 'vpc', vpcId))
    return [
      onNewResource(ctx, 'ec2:CreateRouteTable', 'route-table', tags, { 'ec2:Vpc': vpc.resource }),
      vpc,
      ...tagOnCreate(ctx, 'CreateRouteTable', 'route-table', tags),
    ]
  },
  async run(ctx, input) {
    const tags = tagsOnCreate(input, ['route-table'])
    const vpc = await requireResource<VpcAttributes>(ctx, 'vpc', input.VpcId)
    const id = newResourceId('rtb', ctx.random)
    const record = await insertResource(ctx, 'route-table', {
      id,
      parentId: vpc.id,
      tags,
      attributes: routeTableAttributes(ctx, id, vpc.id, vpc.attributes.CidrBlock),
    })
    return { RouteTable: wireShape(record) }
  },
}
