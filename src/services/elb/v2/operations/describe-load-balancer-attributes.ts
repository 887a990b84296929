import type { Operation } from '../../../operation.js'
import { elbAuthorization } from '../../authz.js'
import { loadLoadBalancer } from '../loaders.js'
import { attributeShapes } from '../settings.js'

/** ELBv2 DescribeLoadBalancerAttributes: the load balancer's attributes by key. */
export const describeLoadBalancerAttributes: Operation = {
  readOnly: true,
  async authorize() {
    return [elbAuthorization('DescribeLoadBalancerAttributes', '*')]
  },
  async run(ctx, input) {
    const lb = await loadLoadBalancer(ctx, String(input.LoadBalancerArn))
    return { Attributes: attributeShapes(lb.attributes.settings) }
  },
}
