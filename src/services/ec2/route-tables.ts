import { accountOf } from './authz.js'
import { newResourceId } from './resource-ids.js'
import type { Ec2Context } from './resource-store.js'

/** One route as DescribeRouteTables writes it. */
export interface Route {
  readonly DestinationCidrBlock: string
  readonly GatewayId?: string
  readonly NatGatewayId?: string
  readonly VpcEndpointId?: string
  readonly InstanceId?: string
  readonly NetworkInterfaceId?: string
  readonly State: 'active' | 'blackhole'
  readonly Origin: 'CreateRouteTable' | 'CreateRoute'
}

/** One association of a route table with a subnet, or the VPC's main association. */
export interface RouteTableAssociation {
  readonly Main: boolean
  readonly RouteTableAssociationId: string
  readonly RouteTableId: string
  readonly SubnetId?: string
  readonly GatewayId?: string
  readonly AssociationState: { readonly State: 'associated' }
}

/** The attributes of a stored route table: its wire shape. */
export interface RouteTableAttributes {
  readonly RouteTableId: string
  readonly VpcId: string
  readonly OwnerId: string
  readonly Routes: readonly Route[]
  readonly Associations: readonly RouteTableAssociation[]
  readonly PropagatingVgws: readonly never[]
}

/** A new route table with the VPC's local route; the main one carries the main association. */
export function routeTableAttributes(
  ctx: Ec2Context,
  id: string,
  vpcId: string,
  vpcCidr: string,
  main = false,
): RouteTableAttributes {
  return {
    RouteTableId: id,
    VpcId: vpcId,
    OwnerId: accountOf(ctx),
    Routes: [
      { DestinationCidrBlock: vpcCidr, GatewayId: 'local', State: 'active', Origin: 'CreateRouteTable' },
    ],
    Associations: main
      ? [
          {
            Main: true,
            RouteTableAssociationId: newResourceId('rtbassoc', ctx.random),
            RouteTableId: id,
            AssociationState: { State: 'associated' },
          },
        ]
      : [],
    PropagatingVgws: [],
  }
}

/** The main route table AWS creates with every VPC. */
export function mainRouteTableAttributes(
  ctx: Ec2Context,
  id: string,
  vpcId: string,
  vpcCidr: string,
): RouteTableAttributes {
  return routeTableAttributes(ctx, id, vpcId, vpcCidr, true)
}

/** Whether a route table is its VPC's main one. */
export function isMain(table: RouteTableAttributes): boolean {
  return table.Associations.some((a) => a.Main)
}
