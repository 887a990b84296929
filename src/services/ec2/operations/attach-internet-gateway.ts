import type { Operation } from '../../operation.js'
import { gatewayAttachmentAuthorization, requireGatewayAndVpc } from '../gateway-attachment.js'
import { gatewayAlreadyAttached, vpcHasGateway } from '../internet-gateways.js'
import { listResources } from '../resource-store.js'

/** EC2 AttachInternetGateway: one gateway per VPC, one VPC per gateway. */
export const attachInternetGateway: Operation = {
  authorize: (ctx, input) => gatewayAttachmentAuthorization(ctx, 'ec2:AttachInternetGateway', input),
  async run(ctx, input) {
    const { igw, vpc } = await requireGatewayAndVpc(ctx, input)
    const attached = igw.attributes.Attachments[0]
    if (attached !== undefined) throw gatewayAlreadyAttached(igw.id, attached.VpcId)
    if ((await listResources(ctx, 'internet-gateway', { parentId: vpc.id })).length > 0)
      throw vpcHasGateway(vpc.id)
    await ctx.store.cloudResources.update(
      igw.arn,
      {
        attributes: Object.assign({}, igw.attributes, {
          Attachments: [{ VpcId: vpc.id, State: 'available' }],
        }),
        parentId: vpc.id,
        at: ctx.now,
      },
      igw.revision,
    )
    return {}
  },
}
