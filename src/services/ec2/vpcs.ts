import type { Tag } from '../../store/index.js'
import { accountOf } from './authz.js'
import { newResourceId } from './resource-ids.js'
import { type Ec2Context, type Ec2Record, insertResource, inTransaction } from './resource-store.js'
import { mainRouteTableAttributes } from './route-tables.js'
import { defaultGroupAttributes } from './security-groups.js'

/** The attributes of a stored VPC: its wire shape, and the DNS attributes DescribeVpcAttribute reads. */
export interface VpcAttributes {
  readonly VpcId: string
  readonly OwnerId: string
  readonly CidrBlock: string
  readonly State: 'available'
  readonly DhcpOptionsId: string
  readonly InstanceTenancy: string
  readonly IsDefault: boolean
  readonly CidrBlockAssociationSet: readonly {
    AssociationId: string
    CidrBlock: string
    CidrBlockState: { State: string }
  }[]
  readonly EnableDnsSupport: boolean
  readonly EnableDnsHostnames: boolean
}

/**
 * Creates a VPC with what AWS creates beside it: its main route table (with the local route) and its `default`
 * security group, in one transaction.
 */
export function createVpcWithDefaults(
  ctx: Ec2Context,
  cidrBlock: string,
  tenancy: string,
  tags: readonly Tag[],
): Promise<Ec2Record<VpcAttributes>> {
  const vpcId = newResourceId('vpc', ctx.random)
  const attributes: VpcAttributes = {
    VpcId: vpcId,
    OwnerId: accountOf(ctx),
    CidrBlock: cidrBlock,
    State: 'available',
    DhcpOptionsId: 'default',
    InstanceTenancy: tenancy,
    IsDefault: false,
    CidrBlockAssociationSet: [
      {
        AssociationId: newResourceId('vpc-cidr-assoc', ctx.random),
        CidrBlock: cidrBlock,
        CidrBlockState: { State: 'associated' },
      },
    ],
    EnableDnsSupport: true,
    EnableDnsHostnames: false,
  }
  return inTransaction(ctx, async (tx) => {
    const vpc = await insertResource(tx, 'vpc', { id: vpcId, attributes, tags })
    const rtbId = newResourceId('rtb', ctx.random)
    await insertResource(tx, 'route-table', {
      id: rtbId,
      parentId: vpcId,
      attributes: mainRouteTableAttributes(tx, rtbId, vpcId, cidrBlock),
    })
    const sgId = newResourceId('sg', ctx.random)
    await insertResource(tx, 'security-group', {
      id: sgId,
      parentId: vpcId,
      attributes: defaultGroupAttributes(tx, sgId, vpcId),
    })
    return vpc
  })
}
