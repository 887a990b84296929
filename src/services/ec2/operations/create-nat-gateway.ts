import { AwsError } from '../../../kernel/aws-error.js'
import type { Operation } from '../../operation.js'
import type { AddressAttributes } from '../addresses.js'
import { onNewResource, onResource, tagOnCreate } from '../authz.js'
import { blockSize, formatAddress, parseCidr } from '../cidr.js'
import { missingParameter } from '../errors.js'
import { type NatGatewayAttributes, natGatewayShape } from '../nat-gateways.js'
import { newResourceId } from '../resource-ids.js'
import {
  findResource,
  insertResource,
  inTransaction,
  listResources,
  requireResource,
  updateResource,
} from '../resource-store.js'
import type { SubnetAttributes } from '../subnets.js'
import { tagsOnCreate } from '../tags.js'

/** EC2 CreateNatGateway: in a subnet, public ones with an Elastic IP; ClientToken makes it idempotent. */
export const createNatGateway: Operation = {
  async authorize(ctx, input) {
    const tags = tagsOnCreate(input, ['natgateway'])
    const subnetId = String(input.SubnetId)
    const subnet = await findResource(ctx, 'subnet', subnetId)
    const vpc: Record<string, string> =
      typeof subnet?.attributes.VpcId === 'string'
        ? { 'ec2:Vpc': `arn:aws:ec2:${ctx.region}:${subnet.accountId}:vpc/${subnet.attributes.VpcId}` }
        : {}
    const requests = [
      onNewResource(ctx, 'ec2:CreateNatGateway', 'natgateway', tags, vpc),
      onResource(ctx, 'ec2:CreateNatGateway', 'subnet', subnetId, subnet),
    ]
    if (typeof input.AllocationId === 'string')
      requests.push(
        onResource(
          ctx,
          'ec2:CreateNatGateway',
          'elastic-ip',
          input.AllocationId,
          await findResource(ctx, 'elastic-ip', input.AllocationId),
        ),
      )
    return [...requests, ...tagOnCreate(ctx, 'CreateNatGateway', 'natgateway', tags)]
  },
  async run(ctx, input) {
    const tags = tagsOnCreate(input, ['natgateway'])
    const token = typeof input.ClientToken === 'string' ? input.ClientToken : undefined
    if (token !== undefined) {
      const earlier = (await listResources<NatGatewayAttributes>(ctx, 'natgateway')).find(
        (n) => n.attributes.ClientToken === token,
      )
      if (earlier !== undefined) return { ClientToken: token, NatGateway: natGatewayShape(earlier, ctx.now) }
    }
    const subnet = await requireResource<SubnetAttributes>(ctx, 'subnet', input.SubnetId)
    const connectivity = input.ConnectivityType === 'private' ? 'private' : 'public'
    if (connectivity === 'public' && input.AllocationId === undefined) throw missingParameter('AllocationId')
    const address =
      input.AllocationId === undefined
        ? undefined
        : await requireResource<AddressAttributes>(ctx, 'elastic-ip', input.AllocationId)
    if (
      address !== undefined &&
      (address.attributes.AssociationId !== undefined || address.attributes.NatGatewayId !== undefined)
    )
      throw new AwsError(
        'Resource.AlreadyAssociated',
        400,
        `Elastic IP address [${address.id}] is already associated`,
      )
    const cidr = parseCidr(subnet.attributes.CidrBlock)!
    const privateIp = formatAddress(cidr.network + 4 + (ctx.random(2)[0]! % (blockSize(cidr.prefix) - 5)))
    const id = newResourceId('nat', ctx.random)
    const attributes: NatGatewayAttributes = {
      NatGatewayId: id,
      SubnetId: subnet.id,
      VpcId: subnet.attributes.VpcId,
      ConnectivityType: connectivity,
      State: 'pending',
      CreateTime: ctx.now.toISOString(),
      ...(token === undefined ? {} : { ClientToken: token }),
      NatGatewayAddresses: [
        {
          PrivateIp: privateIp,
          NetworkInterfaceId: newResourceId('eni', ctx.random),
          ...(address === undefined
            ? {}
            : { AllocationId: address.id, PublicIp: address.attributes.PublicIp }),
        },
      ],
    }
    const record = await inTransaction(ctx, async (tx) => {
      if (address !== undefined)
        await updateResource(tx, address, (current) => ({
          attributes: Object.assign({}, current.attributes, { NatGatewayId: id }),
        }))
      return insertResource(tx, 'natgateway', { id, parentId: subnet.attributes.VpcId, tags, attributes })
    })
    return {
      NatGateway: natGatewayShape(record, ctx.now),
      ...(token === undefined ? {} : { ClientToken: token }),
    }
  },
}
