import type { Operation } from '../../operation.js'
import { onResource } from '../authz.js'
import {
  gatewayAlreadyAttached,
  type InternetGatewayAttributes,
  vpcHasGateway,
} from '../internet-gateways.js'
import { findResource, listResources, requireResource } from '../resource-store.js'

/** EC2 AttachInternetGateway: one gateway per VPC, one VPC per gateway. */
export const attachInternetGateway: Operation = {
  async authorize(ctx, input) {
    const igw = String(input.InternetGatewayId)
    const vpc = String(input.VpcId)
    return [
      onResource(
        ctx,
        'ec2:AttachInternetGateway',
        'internet-gateway',
        igw,
        await findResource(ctx, 'internet-gateway', igw),
      ),
      onResource(ctx, 'ec2:AttachInternetGateway', 'vpc', vpc, await findResource(ctx, 'vpc', vpc)),
    ]
  },
  async run(ctx, input) {
    const igw = await requireResource<InternetGatewayAttributes>(
      ctx,
      'internet-gateway',
      input.InternetGatewayId,
    )
    const vpc = await requireResource(ctx, 'vpc', input.VpcId)
    const attached = igw.attributes.Attachments[0]
    if (attached !== undefined) throw gatewayAlreadyAttached(igw.id, attached.VpcId)
    if ((await listResources(ctx, 'internet-gateway', { parentId: vpc.id })).length > 0)
      throw vpcHasGateway(vpc.id)
    await ctx.store.cloudResources.update(
      igw.arn,
      {
        attributes: { ...igw.attributes, Attachments: [{ VpcId: vpc.id, State: 'available' }] },
        parentId: vpc.id,
        at: ctx.now,
      },
      igw.revision,
    )
    return {}
  },
}
