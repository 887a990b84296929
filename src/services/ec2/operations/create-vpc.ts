import type { Operation } from '../../operation.js'
import { onNewResource, tagOnCreate } from '../authz.js'
import { MAX_PREFIX, MIN_PREFIX, parseCidr } from '../cidr.js'
import { wireShape } from '../describe.js'
import { missingParameter } from '../errors.js'
import { invalidCidr, invalidVpcRange, vpcLimitExceeded } from '../network-errors.js'
import { NETWORK_QUOTAS } from '../network-quotas.js'
import { countResources } from '../resource-store.js'
import { tagsOnCreate } from '../tags.js'
import { createVpcWithDefaults } from '../vpcs.js'

/** EC2 CreateVpc: an IPv4 VPC (/16–/28) with its main route table and default security group. */
export const createVpc: Operation = {
  async authorize(ctx, input) {
    const tags = tagsOnCreate(input, ['vpc'])
    const tenancy = { 'ec2:Tenancy': String(input.InstanceTenancy ?? 'default') }
    return [
      onNewResource(ctx, 'ec2:CreateVpc', 'vpc', tags, tenancy),
      ...tagOnCreate(ctx, 'CreateVpc', 'vpc', tags),
    ]
  },
  async run(ctx, input) {
    const tags = tagsOnCreate(input, ['vpc'])
    if (typeof input.CidrBlock !== 'string') throw missingParameter('cidrBlock')
    const cidr = parseCidr(input.CidrBlock)
    if (cidr === undefined) throw invalidCidr(input.CidrBlock)
    if (cidr.prefix < MIN_PREFIX || cidr.prefix > MAX_PREFIX) throw invalidVpcRange(input.CidrBlock)
    if ((await countResources(ctx, 'vpc')) >= NETWORK_QUOTAS.vpcs) throw vpcLimitExceeded()
    const vpc = await createVpcWithDefaults(
      ctx,
      input.CidrBlock,
      String(input.InstanceTenancy ?? 'default'),
      tags,
    )
    return { Vpc: wireShape(vpc) }
  },
}
