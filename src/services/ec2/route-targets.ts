import { AwsError } from '../../kernel/aws-error.js'
import { invalidParameterValue, missingParameter } from './errors.js'
import type { InternetGatewayAttributes } from './internet-gateways.js'
import type { NatGatewayAttributes } from './nat-gateways.js'
import { type Ec2Context, type Ec2Record, requireResource } from './resource-store.js'
import { differentNetworks, localRoute } from './route-errors.js'
import type { Route, RouteTableAttributes } from './route-tables.js'

/** The destination and target members of CreateRoute and ReplaceRoute. */
export interface RouteInput {
  readonly DestinationCidrBlock?: string
  readonly GatewayId?: string
  readonly NatGatewayId?: string
  readonly InstanceId?: string
  readonly VpcEndpointId?: string
  readonly NetworkInterfaceId?: string
}

/**
 * The route a request asks for, its target checked: an internet gateway attached to the table's VPC, a NAT
 * gateway or an instance of that VPC.
 */
export async function routeOf(
  ctx: Ec2Context,
  table: Ec2Record<RouteTableAttributes>,
  input: RouteInput,
): Promise<Route> {
  const destination = input.DestinationCidrBlock
  if (destination === undefined) throw missingParameter('destinationCidrBlock')
  const vpcId = table.attributes.VpcId
  const to = <T extends object>(target: T) => ({
    DestinationCidrBlock: destination,
    State: 'active' as const,
    Origin: 'CreateRoute' as const,
    ...target,
  })
  if (input.GatewayId !== undefined) {
    if (input.GatewayId === 'local') throw localRoute(destination, table.id)
    const igw = await requireResource<InternetGatewayAttributes>(ctx, 'internet-gateway', input.GatewayId)
    if (igw.attributes.Attachments[0]?.VpcId !== vpcId) throw differentNetworks(table.id, igw.id)
    return to({ GatewayId: igw.id })
  }
  if (input.NatGatewayId !== undefined) {
    const nat = await requireResource<NatGatewayAttributes>(ctx, 'natgateway', input.NatGatewayId)
    if (nat.attributes.VpcId !== vpcId) throw differentNetworks(table.id, nat.id, 'NAT gateway')
    return to({ NatGatewayId: nat.id })
  }
  if (input.InstanceId !== undefined) {
    const instance = await requireResource(ctx, 'instance', input.InstanceId)
    const vpc = instance.attributes.VpcId ?? instance.attributes.vpcId
    if (vpc !== vpcId) throw differentNetworks(table.id, instance.id, 'instance')
    return to({ InstanceId: instance.id })
  }
  if (input.VpcEndpointId !== undefined || input.NetworkInterfaceId !== undefined)
    throw new AwsError(
      'InvalidParameterValue',
      400,
      'Lanyard routes only to internet gateways, NAT gateways and instances.',
    )
  throw invalidParameterValue('The request must contain exactly one of gatewayId, natGatewayId, instanceId.')
}
