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
  updateResource,
} from '../resource-store.js'
import type { RouteTableAttributes } from '../route-tables.js'

const GONE = new Set(['terminated', 'shutting-down'])

/** The state of a stored instance or NAT gateway, whichever way its attributes spell it. */
const stateOf = (attributes: Readonly<Record<string, unknown>>): string => {
  const state = attributes.State ?? attributes.state
  if (typeof state === 'string') return state
  const name =
    (state as { Name?: unknown; name?: unknown } | undefined)?.Name ?? (state as { name?: unknown })?.name
  return typeof name === 'string' ? name : ''
}

/**
 * EC2 DeleteSubnet: AWS answers DependencyViolation while instances or NAT gateways (until deleted) live in it;
 * its route table associations go with it.
 */
export const deleteSubnet: Operation = {
  async authorize(ctx, input) {
    const id = String(input.SubnetId)
    return [onResource(ctx, 'ec2:DeleteSubnet', 'subnet', id, await findResource(ctx, 'subnet', id))]
  },
  async run(ctx, input) {
    const subnet = await requireResource(ctx, 'subnet', input.SubnetId)
    const instances = await listResources(ctx, 'instance', { parentId: subnet.id })
    const nats = (await listResources<NatGatewayAttributes>(ctx, 'natgateway')).filter(
      (n) => n.attributes.SubnetId === subnet.id && natState(n.attributes, ctx.now) !== 'deleted',
    )
    if (nats.length > 0 || instances.some((r) => !GONE.has(stateOf(r.attributes))))
      throw dependencyViolation('subnet', subnet.id)
    const tables = await listResources<RouteTableAttributes>(ctx, 'route-table', {
      parentId: subnet.attributes.VpcId as string,
    })
    await inTransaction(ctx, async (tx) => {
      for (const table of tables.filter((t) =>
        t.attributes.Associations.some((a) => a.SubnetId === subnet.id),
      )) {
        await updateResource(tx, table, (current) => ({
          attributes: Object.assign({}, current.attributes, {
            Associations: current.attributes.Associations.filter((a) => a.SubnetId !== subnet.id),
          }),
        }))
      }
      await deleteResource(tx, subnet)
    })
    return {}
  },
}
