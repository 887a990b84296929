import type { Operation } from '../../operation.js'
import { onResource } from '../authz.js'
import { gatewayNotAttached, type InternetGatewayAttributes } from '../internet-gateways.js'
import { findResource, requireResource } from '../resource-store.js'

/** EC2 DetachInternetGateway: the gateway must be attached to that VPC. */
export const detachInternetGateway: Operation = {
  async authorize(ctx, input) {
    const igw = String(input.InternetGatewayId)
    const vpc = String(input.VpcId)
    return [
      onResource(
        ctx,
        'ec2:DetachInternetGateway',
        'internet-gateway',
        igw,
        await findResource(ctx, 'internet-gateway', igw),
      ),
      onResource(ctx, 'ec2:DetachInternetGateway', 'vpc', vpc, await findResource(ctx, 'vpc', vpc)),
    ]
  },
  async run(ctx, input) {
    const igw = await requireResource<InternetGatewayAttributes>(
      ctx,
      'internet-gateway',
      input.InternetGatewayId,
    )
    const vpc = await requireResource(ctx, 'vpc', input.VpcId)
    if (igw.attributes.Attachments[0]?.VpcId !== vpc.id) throw gatewayNotAttached(igw.id, vpc.id)
    await ctx.store.cloudResources.update(
      igw.arn,
      { attributes: { ...igw.attributes, Attachments: [] }, parentId: null, at: ctx.now },
      igw.revision,
    )
    return {}
  },
}
