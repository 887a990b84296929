import { AwsError } from '../../../kernel/aws-error.js'
import type { Operation } from '../../operation.js'
import { onAnyResource } from '../authz.js'
import { describe } from '../describe.js'
import { ADDRESS_FILTERS } from '../network-filters.js'

/** EC2 DescribeAddresses: by allocation id, public IP or filter (AWS does not page this call). */
export const describeAddresses: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeAddresses')]
  },
  async run(ctx, input) {
    const page = await describe(ctx, input, {
      type: 'elastic-ip',
      idsMember: 'AllocationIds',
      filters: ADDRESS_FILTERS,
    })
    const ips = (input.PublicIps ?? []) as string[]
    const missing = ips.filter((ip) => !page.items.some((a) => a.PublicIp === ip))
    // AWS: `Address 1.2.3.4 not found.` for a public IP the account does not hold.
    if (missing.length > 0)
      throw new AwsError('InvalidAddress.NotFound', 400, `Address ${missing[0]} not found.`)
    return {
      Addresses: ips.length === 0 ? page.items : page.items.filter((a) => ips.includes(String(a.PublicIp))),
    }
  },
}
