import type { Operation } from '../../operation.js'
import { accountOf, onNewResource, onResource, tagOnCreate } from '../authz.js'
import { invalidParameterValue } from '../errors.js'
import { newResourceId } from '../resource-ids.js'
import { findResource, insertResource, listResources, requireResource } from '../resource-store.js'
import { tagsOnCreate, toWireTags } from '../tags.js'
import {
  checkServiceName,
  endpointShape,
  FULL_ACCESS_POLICY,
  type VpcEndpointAttributes,
} from '../vpc-endpoints.js'

const list = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : [])

/** EC2 CreateVpcEndpoint: a Gateway (route tables) or Interface (subnets, groups) endpoint to an AWS service. */
export const createVpcEndpoint: Operation = {
  async authorize(ctx, input) {
    const tags = tagsOnCreate(input, ['vpc-endpoint'])
    const vpcId = String(input.VpcId)
    const service = { 'ec2:VpceServiceName': String(input.ServiceName) }
    const requests = [
      onNewResource(ctx, 'ec2:CreateVpcEndpoint', 'vpc-endpoint', tags, service),
      onResource(ctx, 'ec2:CreateVpcEndpoint', 'vpc', vpcId, await findResource(ctx, 'vpc', vpcId)),
    ]
    for (const [type, ids] of [
      ['route-table', list(input.RouteTableIds)],
      ['subnet', list(input.SubnetIds)],
      ['security-group', list(input.SecurityGroupIds)],
    ] as const)
      for (const id of ids)
        requests.push(onResource(ctx, 'ec2:CreateVpcEndpoint', type, id, await findResource(ctx, type, id)))
    return [...requests, ...tagOnCreate(ctx, 'CreateVpcEndpoint', 'vpc-endpoint', tags)]
  },
  async run(ctx, input) {
    const tags = tagsOnCreate(input, ['vpc-endpoint'])
    const token = typeof input.ClientToken === 'string' ? input.ClientToken : undefined
    if (token !== undefined) {
      const earlier = (await listResources<VpcEndpointAttributes>(ctx, 'vpc-endpoint')).find(
        (e) => e.attributes.ClientToken === token,
      )
      if (earlier !== undefined)
        return {
          ClientToken: token,
          VpcEndpoint: endpointShape(earlier.attributes, toWireTags(earlier.tags)),
        }
    }
    const type = input.VpcEndpointType === 'Interface' ? 'Interface' : 'Gateway'
    if (input.VpcEndpointType === 'GatewayLoadBalancer')
      throw invalidParameterValue('Lanyard offers Gateway and Interface endpoints only.')
    const vpc = await requireResource(ctx, 'vpc', input.VpcId)
    checkServiceName(ctx.region, String(input.ServiceName), type)
    const inVpc = async (kind: string, ids: string[]) => {
      for (const id of ids) {
        const record = await requireResource(ctx, kind, id)
        if (record.attributes.VpcId !== vpc.id)
          throw invalidParameterValue(`The ${kind} ${id} does not belong to vpc ${vpc.id}`)
      }
    }
    const routeTables = type === 'Gateway' ? list(input.RouteTableIds) : []
    const subnets = type === 'Interface' ? list(input.SubnetIds) : []
    await inVpc('route-table', routeTables)
    await inVpc('subnet', subnets)
    const groupIds = list(input.SecurityGroupIds)
    await inVpc('security-group', groupIds)
    const groups =
      type === 'Gateway'
        ? []
        : groupIds.length > 0
          ? await Promise.all(groupIds.map((id) => requireResource(ctx, 'security-group', id)))
          : (await listResources(ctx, 'security-group', { parentId: vpc.id })).filter(
              (g) => g.attributes.GroupName === 'default',
            )
    const id = newResourceId('vpce', ctx.random)
    const attributes: VpcEndpointAttributes = {
      VpcEndpointId: id,
      VpcEndpointType: type,
      VpcId: vpc.id,
      ServiceName: String(input.ServiceName),
      State: 'available',
      PolicyDocument: typeof input.PolicyDocument === 'string' ? input.PolicyDocument : FULL_ACCESS_POLICY,
      RouteTableIds: routeTables,
      SubnetIds: subnets,
      Groups: groups.map((g) => ({ GroupId: g.id, GroupName: String(g.attributes.GroupName) })),
      NetworkInterfaceIds: subnets.map(() => newResourceId('eni', ctx.random)),
      PrivateDnsEnabled: type === 'Interface' && input.PrivateDnsEnabled !== false,
      RequesterManaged: false,
      CreationTimestamp: ctx.now.toISOString(),
      OwnerId: accountOf(ctx),
      ...(token === undefined ? {} : { ClientToken: token }),
    }
    const record = await insertResource(ctx, 'vpc-endpoint', { id, parentId: vpc.id, tags, attributes })
    return {
      VpcEndpoint: endpointShape(record.attributes, toWireTags(record.tags)),
      ...(token === undefined ? {} : { ClientToken: token }),
    }
  },
}
