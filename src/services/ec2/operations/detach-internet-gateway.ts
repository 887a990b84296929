import type { Operation } from '../../operation.js'
import { gatewayAttachmentAuthorization, requireGatewayAndVpc } from '../gateway-attachment.js'
import { gatewayNotAttached } from '../internet-gateways.js'

/** EC2 DetachInternetGateway: the gateway must be attached to that VPC. */
export const detachInternetGateway: Operation = {
  authorize: (ctx, input) => gatewayAttachmentAuthorization(ctx, 'ec2:DetachInternetGateway', input),
  async run(ctx, input) {
    const { igw, vpc } = await requireGatewayAndVpc(ctx, input)
    if (igw.attributes.Attachments[0]?.VpcId !== vpc.id) throw gatewayNotAttached(igw.id, vpc.id)
    await ctx.store.cloudResources.update(
      igw.arn,
      { attributes: Object.assign({}, igw.attributes, { Attachments: [] }), parentId: null, at: ctx.now },
      igw.revision,
    )
    return {}
  },
}
