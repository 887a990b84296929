import type { Operation } from '../../../operation.js'
import { accountOf, ELB_SERVICE_NAME, RESOURCE_TYPE } from '../../arns.js'
import { elbAuthorization } from '../../authz.js'
import { targetGroupNotFound, validationError } from '../../errors.js'
import { nextMarker, pageOf, pageRequest } from '../../pagination.js'
import { forwardedTargetGroups } from '../detach.js'
import {
  findTargetGroup,
  listenersOf,
  loadLoadBalancer,
  rulesOf,
  type TargetGroupRecord,
} from '../loaders.js'
import { toTargetGroupShape } from '../mappers.js'
import type { TargetGroupAttributes } from '../records.js'

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.map(String) : undefined

/** The target groups the listeners and rules of a load balancer forward to. */
async function ofLoadBalancer(
  ctx: Parameters<Operation['run']>[0],
  arn: string,
): Promise<TargetGroupRecord[]> {
  const lb = await loadLoadBalancer(ctx, arn)
  const arns = new Set<string>()
  for (const listener of await listenersOf(ctx, lb.arn)) {
    for (const arn of forwardedTargetGroups(listener.attributes.defaultActions)) arns.add(arn)
    for (const rule of await rulesOf(ctx, listener.arn))
      for (const arn of forwardedTargetGroups(rule.attributes.actions)) arns.add(arn)
  }
  const groups: TargetGroupRecord[] = []
  for (const tgArn of arns) {
    const tg = await findTargetGroup(ctx, tgArn)
    if (tg !== undefined) groups.push(tg)
  }
  return groups.sort((a, b) => a.id.localeCompare(b.id))
}

/** ELBv2 DescribeTargetGroups: the region's target groups by name, or those of a load balancer, ARNs or names. */
export const describeTargetGroups: Operation = {
  readOnly: true,
  async authorize() {
    return [elbAuthorization('DescribeTargetGroups', '*')]
  },
  async run(ctx, input) {
    const arns = strings(input.TargetGroupArns)
    const names = strings(input.Names)
    const lbArn = typeof input.LoadBalancerArn === 'string' ? input.LoadBalancerArn : undefined
    if ([arns, names, lbArn].filter((v) => v !== undefined).length > 1)
      throw validationError(
        'Target group names, target group ARNs, and a load balancer ARN cannot be specified at the same time',
      )
    const request = pageRequest(input)
    const base = {
      accountId: accountOf(ctx),
      region: ctx.region,
      service: ELB_SERVICE_NAME,
      type: RESOURCE_TYPE.targetGroup,
    }
    let found: TargetGroupRecord[]
    if (lbArn !== undefined) found = await ofLoadBalancer(ctx, lbArn)
    else if (arns !== undefined || names !== undefined) {
      found = []
      for (const arn of arns ?? []) {
        const tg = await findTargetGroup(ctx, arn)
        if (tg === undefined) throw targetGroupNotFound()
        found.push(tg)
      }
      for (const name of names ?? []) {
        const tg = await ctx.store.cloudResources.find<TargetGroupAttributes>({ id: name, ...base })
        if (tg === undefined) throw targetGroupNotFound()
        found.push(tg)
      }
    } else {
      const page = await ctx.store.cloudResources.list<TargetGroupAttributes>(
        Object.assign({}, base, request),
      )
      return { TargetGroups: page.items.map(toTargetGroupShape), ...nextMarker(page.next) }
    }
    const page = pageOf(found, request)
    return { TargetGroups: page.items.map(toTargetGroupShape), ...nextMarker(page.next) }
  },
}
