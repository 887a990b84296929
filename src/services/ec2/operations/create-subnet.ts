import type { Operation } from '../../operation.js'
import { onNewResource, onResource, tagOnCreate } from '../authz.js'
import { wireShape } from '../describe.js'
import { missingParameter } from '../errors.js'
import { findResource, requireResource } from '../resource-store.js'
import { createSubnetRecord } from '../subnets.js'
import { tagsOnCreate } from '../tags.js'
import type { VpcAttributes } from '../vpcs.js'

/** EC2 CreateSubnet: an IPv4 subnet inside its VPC's block, overlapping no other, in one zone. */
export const createSubnet: Operation = {
  async authorize(ctx, input) {
    const tags = tagsOnCreate(input, ['subnet'])
    const vpcId = String(input.VpcId)
    const vpc = await findResource(ctx, 'vpc', vpcId)
    const vpcArn = onResource(ctx, 'ec2:CreateSubnet', 'vpc', vpcId, vpc)
    const zone: Record<string, string> =
      typeof input.AvailabilityZone === 'string' ? { 'ec2:AvailabilityZone': input.AvailabilityZone } : {}
    return [
      onNewResource(ctx, 'ec2:CreateSubnet', 'subnet', tags, { 'ec2:Vpc': vpcArn.resource, ...zone }),
      vpcArn,
      ...tagOnCreate(ctx, 'CreateSubnet', 'subnet', tags),
    ]
  },
  async run(ctx, input) {
    const tags = tagsOnCreate(input, ['subnet'])
    if (typeof input.CidrBlock !== 'string') throw missingParameter('cidrBlock')
    const vpc = await requireResource<VpcAttributes>(ctx, 'vpc', input.VpcId)
    const subnet = await createSubnetRecord(ctx, vpc, input as { CidrBlock: string }, tags)
    return { Subnet: wireShape(subnet) }
  },
}
