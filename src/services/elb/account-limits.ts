import type { Operation } from '../operation.js'
import { elbAuthorization } from './authz.js'
import { nextMarker, pageOf, pageRequest } from './pagination.js'

/** AWS: the default ELBv2 quotas per region, as DescribeAccountLimits names them. */
const V2_LIMITS: Readonly<Record<string, number>> = {
  'application-load-balancers': 50,
  'target-groups': 3000,
  'targets-per-application-load-balancer': 1000,
  'listeners-per-application-load-balancer': 50,
  'rules-per-application-load-balancer': 100,
  'network-load-balancers': 50,
  'targets-per-network-load-balancer': 3000,
  'targets-per-availability-zone-per-network-load-balancer': 500,
  'listeners-per-network-load-balancer': 50,
}

/** AWS: the default classic ELB quotas per region. */
const CLASSIC_LIMITS: Readonly<Record<string, number>> = {
  'classic-load-balancers': 20,
  'classic-listeners': 100,
  'classic-registered-instances': 1000,
}

/** DescribeAccountLimits of ELBv2 (`v2`) or classic ELB: AWS's default quotas, a page at a time. */
export function describeAccountLimits(kind: 'v2' | 'classic'): Operation {
  const limits = Object.entries(kind === 'v2' ? V2_LIMITS : CLASSIC_LIMITS).map(([Name, Max]) => ({
    Name,
    Max: String(Max),
  }))
  return {
    readOnly: true,
    async authorize() {
      return [elbAuthorization('DescribeAccountLimits', '*')]
    },
    async run(_ctx, input) {
      const page = pageOf(limits, pageRequest(input))
      return { Limits: page.items, ...nextMarker(page.next) }
    },
  }
}
