import type { Operation } from '../../../operation.js'
import { accountOf, ELB_SERVICE_NAME, RESOURCE_TYPE } from '../../arns.js'
import { elbAuthorization } from '../../authz.js'
import { classicCannotFind } from '../../errors.js'
import { nextMarker, pageOf, pageRequest } from '../../pagination.js'
import { type ClassicRecord, findClassic } from '../loader.js'
import { toClassicShape } from '../mappers.js'
import type { ClassicAttributes } from '../records.js'

/** ELB DescribeLoadBalancers: the region's classic load balancers by name, or the named ones, a page at a time. */
export const describeLoadBalancers: Operation = {
  readOnly: true,
  async authorize() {
    return [elbAuthorization('DescribeLoadBalancers', '*')]
  },
  async run(ctx, input) {
    const request = pageRequest(input)
    const names = Array.isArray(input.LoadBalancerNames) ? input.LoadBalancerNames.map(String) : []
    if (names.length === 0) {
      const page = await ctx.store.cloudResources.list<ClassicAttributes>({
        accountId: accountOf(ctx),
        region: ctx.region,
        service: ELB_SERVICE_NAME,
        type: RESOURCE_TYPE.classic,
        ...request,
      })
      return {
        LoadBalancerDescriptions: page.items.map((lb) => toClassicShape(ctx, lb)),
        ...nextMarker(page.next),
      }
    }
    const found: ClassicRecord[] = []
    for (const name of names) {
      const lb = await findClassic(ctx, name)
      if (lb === undefined) throw classicCannotFind(name)
      found.push(lb)
    }
    const page = pageOf(found, request)
    return {
      LoadBalancerDescriptions: page.items.map((lb) => toClassicShape(ctx, lb)),
      ...nextMarker(page.next),
    }
  },
}
