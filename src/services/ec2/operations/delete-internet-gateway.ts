import type { Operation } from '../../operation.js'
import { onResource } from '../authz.js'
import { dependencyViolation } from '../errors.js'
import type { InternetGatewayAttributes } from '../internet-gateways.js'
import { deleteResource, findResource, requireResource } from '../resource-store.js'

/** EC2 DeleteInternetGateway: AWS answers DependencyViolation while it is attached. */
export const deleteInternetGateway: Operation = {
  async authorize(ctx, input) {
    const id = String(input.InternetGatewayId)
    return [
      onResource(
        ctx,
        'ec2:DeleteInternetGateway',
        'internet-gateway',
        id,
        await findResource(ctx, 'internet-gateway', id),
      ),
    ]
  },
  async run(ctx, input) {
    const igw = await requireResource<InternetGatewayAttributes>(
      ctx,
      'internet-gateway',
      input.InternetGatewayId,
    )
    if (igw.attributes.Attachments.length > 0) throw dependencyViolation('internetGateway', igw.id)
    await deleteResource(ctx, igw)
    return {}
  },
}
