import type { Operation, OperationContext } from '../../../operation.js'
import { accountOf, ELB_SERVICE_NAME, listenerArn, newHexId, RESOURCE_TYPE } from '../../arns.js'
import { onResource, requestTagContext, tagOnCreate, withListenerContext } from '../../authz.js'
import { duplicateListener } from '../../errors.js'
import { checkTagCount, inputTags } from '../../tags.js'
import { forwardedTargetGroups, relinkTargetGroups } from '../detach.js'
import { checkActions, checkListener } from '../listener-rules.js'
import { listenersOf, loadLoadBalancer } from '../loaders.js'
import { toListenerShape } from '../mappers.js'
import type { ListenerAttributes } from '../records.js'

type Action = Readonly<Record<string, unknown>>

const arnOf = (ctx: OperationContext, lbArn: string, input: Record<string, unknown>): string =>
  listenerArn(lbArn, newHexId(ctx, `listener:${String(input.Port)}`))

/** ELBv2 CreateListener: a listener on a free port whose default actions forward to target groups of this load balancer. */
export const createListener: Operation = {
  async authorize(ctx, input) {
    const lb = await loadLoadBalancer(ctx, String(input.LoadBalancerArn))
    const tags = inputTags(input)
    return [
      onResource('CreateListener', lb, withListenerContext(input, requestTagContext(tags))),
      ...tagOnCreate('CreateListener', arnOf(ctx, lb.arn, input), tags),
    ]
  },
  async run(ctx, input) {
    const lb = await loadLoadBalancer(ctx, String(input.LoadBalancerArn))
    const tags = inputTags(input)
    checkTagCount(tags)
    const protocol = checkListener(lb, input.Protocol as string | undefined, input.Certificates)
    const port = Number(input.Port)
    if ((await listenersOf(ctx, lb.arn)).some((l) => l.attributes.port === port)) throw duplicateListener()
    const defaultActions = await checkActions(ctx, lb, protocol, (input.DefaultActions ?? []) as Action[])
    const attributes: ListenerAttributes = {
      loadBalancerArn: lb.arn,
      port,
      protocol,
      defaultActions,
      ...(Array.isArray(input.Certificates) ? { certificates: input.Certificates as Action[] } : {}),
      ...(typeof input.SslPolicy === 'string'
        ? { sslPolicy: input.SslPolicy }
        : protocol === 'HTTPS' || protocol === 'TLS'
          ? { sslPolicy: 'ELBSecurityPolicy-2016-08' }
          : {}),
      ...(Array.isArray(input.AlpnPolicy) ? { alpnPolicy: input.AlpnPolicy.map(String) } : {}),
    }
    const arn = arnOf(ctx, lb.arn, input)
    const record = await ctx.store.transaction(async (tx) => {
      const inserted = await tx.cloudResources.insert({
        arn,
        accountId: accountOf(ctx),
        region: ctx.region,
        service: ELB_SERVICE_NAME,
        type: RESOURCE_TYPE.listener,
        id: arn.slice(arn.lastIndexOf('/') + 1),
        parentId: lb.arn,
        attributes,
        tags,
        at: ctx.now,
      })
      await relinkTargetGroups(tx, arn, [], forwardedTargetGroups(defaultActions), ctx.now)
      return inserted
    })
    return { Listeners: [toListenerShape(record)] }
  },
}
