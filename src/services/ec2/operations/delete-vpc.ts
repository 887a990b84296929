import type { Operation } from '../../operation.js'
import { onResource } from '../authz.js'
import { dependencyViolation } from '../errors.js'
import { type NatGatewayAttributes, natState } from '../nat-gateways.js'
import {
  deleteResource,
  findResource,
  inTransaction,
  listResources,
  requireResource,
} from '../resource-store.js'
import { isMain, type RouteTableAttributes } from '../route-tables.js'

/**
 * EC2 DeleteVpc: removes the VPC with its main route table and default security group. AWS: DependencyViolation
 * while it still has subnets, other groups or route tables, an attached internet gateway, NAT gateways or
 * endpoints.
 */
export const deleteVpc: Operation = {
  async authorize(ctx, input) {
    const id = String(input.VpcId)
    return [onResource(ctx, 'ec2:DeleteVpc', 'vpc', id, await findResource(ctx, 'vpc', id))]
  },
  async run(ctx, input) {
    const vpc = await requireResource(ctx, 'vpc', input.VpcId)
    const children = async (type: string) => listResources(ctx, type, { parentId: vpc.id })
    const groups = await children('security-group')
    const tables = await children('route-table')
    const blocking =
      (await children('subnet')).length > 0 ||
      groups.some((g) => g.attributes.GroupName !== 'default') ||
      tables.some((t) => !isMain(t.attributes as unknown as RouteTableAttributes)) ||
      (await children('internet-gateway')).length > 0 ||
      (await children('natgateway')).some(
        (n) => natState(n.attributes as unknown as NatGatewayAttributes, ctx.now) !== 'deleted',
      ) ||
      (await children('vpc-endpoint')).length > 0
    if (blocking) throw dependencyViolation('vpc', vpc.id)
    await inTransaction(ctx, async (tx) => {
      for (const record of [...groups, ...tables, vpc]) await deleteResource(tx, record)
    })
    return {}
  },
}
