import type { Operation } from '../../operation.js'
import { accountOf, onNewResource, tagOnCreate } from '../authz.js'
import { wireShape } from '../describe.js'
import type { InternetGatewayAttributes } from '../internet-gateways.js'
import { newResourceId } from '../resource-ids.js'
import { insertResource } from '../resource-store.js'
import { tagsOnCreate } from '../tags.js'

/** EC2 CreateInternetGateway: a detached gateway. */
export const createInternetGateway: Operation = {
  async authorize(ctx, input) {
    const tags = tagsOnCreate(input, ['internet-gateway'])
    return [
      onNewResource(ctx, 'ec2:CreateInternetGateway', 'internet-gateway', tags),
      ...tagOnCreate(ctx, 'CreateInternetGateway', 'internet-gateway', tags),
    ]
  },
  async run(ctx, input) {
    const tags = tagsOnCreate(input, ['internet-gateway'])
    const id = newResourceId('igw', ctx.random)
    const record = await insertResource<InternetGatewayAttributes>(ctx, 'internet-gateway', {
      id,
      tags,
      attributes: { InternetGatewayId: id, OwnerId: accountOf(ctx), Attachments: [] },
    })
    return { InternetGateway: wireShape(record) }
  },
}
