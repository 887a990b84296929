import type { Operation } from '../../operation.js'
import { accountOf, onAnyResource } from '../authz.js'
import { quotasOf } from '../compute/quotas.js'

/** EC2 DescribeAccountAttributes: the platform (VPC only), no default VPC, and the instance quota. */
export const describeAccountAttributes: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeAccountAttributes')]
  },
  async run(ctx, input) {
    const quotas = await quotasOf(ctx.store, accountOf(ctx), ctx.region)
    const all: Record<string, string[]> = {
      'supported-platforms': ['VPC'],
      'default-vpc': ['none'],
      'max-instances': [String(quotas.instances)],
      'max-elastic-ips': ['5'],
      'vpc-max-elastic-ips': ['5'],
      'vpc-max-security-groups-per-interface': ['5'],
    }
    const names = (input.AttributeNames ?? []) as string[]
    const wanted = names.length === 0 ? Object.keys(all) : names.filter((n) => all[n] !== undefined)
    return {
      AccountAttributes: wanted.map((name) => ({
        AttributeName: name,
        AttributeValues: all[name]!.map((value) => ({ AttributeValue: value })),
      })),
    }
  },
}
