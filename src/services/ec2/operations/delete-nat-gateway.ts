import type { Operation } from '../../operation.js'
import type { AddressAttributes } from '../addresses.js'
import { onResource } from '../authz.js'
import type { NatGatewayAttributes } from '../nat-gateways.js'
import {
  findResource,
  inTransaction,
  listResources,
  requireResource,
  updateResource,
} from '../resource-store.js'

/** EC2 DeleteNatGateway: the gateway goes deleting → deleted and gives its Elastic IP back. */
export const deleteNatGateway: Operation = {
  async authorize(ctx, input) {
    const id = String(input.NatGatewayId)
    const nat = await findResource(ctx, 'natgateway', id)
    const vpc: Record<string, string> =
      typeof nat?.attributes.VpcId === 'string'
        ? { 'ec2:Vpc': `arn:aws:ec2:${ctx.region}:${nat.accountId}:vpc/${nat.attributes.VpcId}` }
        : {}
    return [onResource(ctx, 'ec2:DeleteNatGateway', 'natgateway', id, nat, vpc)]
  },
  async run(ctx, input) {
    const nat = await requireResource<NatGatewayAttributes>(ctx, 'natgateway', input.NatGatewayId)
    if (nat.attributes.State !== 'deleting') {
      const addresses = (await listResources<AddressAttributes>(ctx, 'elastic-ip')).filter(
        (a) => a.attributes.NatGatewayId === nat.id,
      )
      await inTransaction(ctx, async (tx) => {
        for (const address of addresses)
          await updateResource(tx, address, (current) => {
            const { NatGatewayId: _n, ...rest } = current.attributes
            return { attributes: rest as AddressAttributes }
          })
        await updateResource(tx, nat, (current) => ({
          attributes: Object.assign({}, current.attributes, {
            State: 'deleting' as const,
            DeleteTime: ctx.now.toISOString(),
          }),
        }))
      })
    }
    return { NatGatewayId: nat.id }
  },
}
