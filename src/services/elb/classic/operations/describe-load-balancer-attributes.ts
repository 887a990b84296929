import type { Operation } from '../../../operation.js'
import { elbAuthorization } from '../../authz.js'
import { loadNamed } from '../loader.js'

/** ELB DescribeLoadBalancerAttributes: cross-zone, access log, connection draining and idle timeout settings. */
export const describeLoadBalancerAttributes: Operation = {
  readOnly: true,
  async authorize() {
    return [elbAuthorization('DescribeLoadBalancerAttributes', '*')]
  },
  async run(ctx, input) {
    const lb = await loadNamed(ctx, input)
    return { LoadBalancerAttributes: lb.attributes.settings }
  },
}
