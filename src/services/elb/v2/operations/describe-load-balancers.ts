import type { Operation } from '../../../operation.js'
import { accountOf, ELB_SERVICE_NAME, RESOURCE_TYPE } from '../../arns.js'
import { elbAuthorization } from '../../authz.js'
import { loadBalancerNotFound, loadBalancersNamedNotFound, validationError } from '../../errors.js'
import { nextMarker, pageOf, pageRequest } from '../../pagination.js'
import { findLoadBalancer, type LoadBalancerRecord } from '../loaders.js'
import { toLoadBalancerShape } from '../mappers.js'
import type { LoadBalancerAttributes } from '../records.js'

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.map(String) : undefined

/** ELBv2 DescribeLoadBalancers: every v2 load balancer of the region by name, or the named ones, a page at a time. */
export const describeLoadBalancers: Operation = {
  readOnly: true,
  async authorize() {
    return [elbAuthorization('DescribeLoadBalancers', '*')]
  },
  async run(ctx, input) {
    const arns = strings(input.LoadBalancerArns)
    const names = strings(input.Names)
    if (arns !== undefined && names !== undefined)
      throw validationError('Load balancer names and load balancer ARNs cannot be specified at the same time')
    const request = pageRequest(input)
    const base = {
      accountId: accountOf(ctx),
      region: ctx.region,
      service: ELB_SERVICE_NAME,
      type: RESOURCE_TYPE.loadBalancer,
    }
    if (arns === undefined && names === undefined) {
      const page = await ctx.store.cloudResources.list<LoadBalancerAttributes>(
        Object.assign({}, base, request),
      )
      return { LoadBalancers: page.items.map((lb) => toLoadBalancerShape(ctx, lb)), ...nextMarker(page.next) }
    }
    const found: LoadBalancerRecord[] = []
    if (arns !== undefined) {
      for (const arn of arns) {
        const lb = await findLoadBalancer(ctx, arn)
        if (lb === undefined) throw loadBalancerNotFound()
        found.push(lb)
      }
    } else {
      const missing: string[] = []
      for (const name of names!) {
        const lb = await ctx.store.cloudResources.find<LoadBalancerAttributes>({ id: name, ...base })
        if (lb === undefined) missing.push(name)
        else found.push(lb)
      }
      if (missing.length > 0) throw loadBalancersNamedNotFound(missing)
    }
    const page = pageOf(found, request)
    return { LoadBalancers: page.items.map((lb) => toLoadBalancerShape(ctx, lb)), ...nextMarker(page.next) }
  },
}
