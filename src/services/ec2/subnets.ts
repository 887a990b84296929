import type { Tag } from '../../store/index.js'
import { ec2Arn } from './arns.js'
import { accountOf } from './authz.js'
import {
  blockSize,
  cidrContains,
  cidrOverlaps,
  MAX_PREFIX,
  MIN_PREFIX,
  parseCidr,
  RESERVED_PER_SUBNET,
} from './cidr.js'
import { invalidParameterValue } from './errors.js'
import { invalidCidr, invalidSubnetRange, subnetConflict } from './network-errors.js'
import { findZone, type ZoneInfo, zonesOf } from './regions.js'
import { newResourceId } from './resource-ids.js'
import { type Ec2Context, type Ec2Record, insertResource, listResources } from './resource-store.js'
import type { VpcAttributes } from './vpcs.js'

/** The attributes of a stored subnet: its wire shape. */
export interface SubnetAttributes {
  readonly SubnetId: string
  readonly SubnetArn: string
  readonly VpcId: string
  readonly OwnerId: string
  readonly CidrBlock: string
  readonly AvailabilityZone: string
  readonly AvailabilityZoneId: string
  readonly AvailableIpAddressCount: number
  readonly DefaultForAz: boolean
  readonly MapPublicIpOnLaunch: boolean
  readonly AssignIpv6AddressOnCreation: boolean
  readonly MapCustomerOwnedIpOnLaunch: boolean
  readonly State: 'available'
}

/**
 * The zone a new subnet goes to: the one named, or (as AWS picks one when none is named) the zone with the
 * fewest subnets of the VPC.
 */
export function subnetZone(
  ctx: Ec2Context,
  siblings: readonly Ec2Record[],
  name: string | undefined,
  id: string | undefined,
): ZoneInfo {
  const zones = zonesOf(ctx.region)
  const wanted = name ?? id
  if (wanted !== undefined) {
    const zone = findZone(ctx.region, wanted)
    if (zone === undefined)
      throw invalidParameterValue(
        `Value (${wanted}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: ${zones.map((z) => z.ZoneName).join(', ')}.`,
      )
    return zone
  }
  const used = (zone: ZoneInfo) =>
    siblings.filter((s) => s.attributes.AvailabilityZone === zone.ZoneName).length
  return zones.reduce((best, zone) => (used(zone) < used(best) ? zone : best))
}

/**
 * Checks a subnet block against its VPC and the VPC's other subnets. AWS: InvalidSubnet.Range outside the VPC
 * block or outside /16–/28; InvalidSubnet.Conflict when it overlaps another subnet.
 */
export function checkSubnetCidr(
  cidrBlock: string,
  vpc: VpcAttributes,
  siblings: readonly Ec2Record[],
): number {
  const cidr = parseCidr(cidrBlock)
  if (cidr === undefined) throw invalidCidr(cidrBlock)
  const vpcCidr = parseCidr(vpc.CidrBlock)!
  if (cidr.prefix < MIN_PREFIX || cidr.prefix > MAX_PREFIX || !cidrContains(vpcCidr, cidr))
    throw invalidSubnetRange(cidrBlock)
  for (const sibling of siblings) {
    const other = parseCidr(String(sibling.attributes.CidrBlock))
    if (other !== undefined && cidrOverlaps(cidr, other)) throw subnetConflict(cidrBlock)
  }
  return blockSize(cidr.prefix) - RESERVED_PER_SUBNET
}

/** Stores a new subnet of `vpc` after its checks. */
export async function createSubnetRecord(
  ctx: Ec2Context,
  vpc: Ec2Record<VpcAttributes>,
  input: { CidrBlock: string; AvailabilityZone?: string; AvailabilityZoneId?: string },
  tags: readonly Tag[],
): Promise<Ec2Record<SubnetAttributes>> {
  const siblings = await listResources(ctx, 'subnet', { parentId: vpc.id })
  const free = checkSubnetCidr(input.CidrBlock, vpc.attributes, siblings)
  const zone = subnetZone(ctx, siblings, input.AvailabilityZone, input.AvailabilityZoneId)
  const id = newResourceId('subnet', ctx.random)
  return insertResource<SubnetAttributes>(ctx, 'subnet', {
    id,
    parentId: vpc.id,
    tags,
    attributes: {
      SubnetId: id,
      SubnetArn: ec2Arn(ctx.region, accountOf(ctx), 'subnet', id),
      VpcId: vpc.id,
      OwnerId: accountOf(ctx),
      CidrBlock: input.CidrBlock,
      AvailabilityZone: zone.ZoneName,
      AvailabilityZoneId: zone.ZoneId,
      AvailableIpAddressCount: free,
      DefaultForAz: false,
      MapPublicIpOnLaunch: false,
      AssignIpv6AddressOnCreation: false,
      MapCustomerOwnedIpOnLaunch: false,
      State: 'available',
    },
  })
}
