import type { Operation } from '../../../operation.js'
import { accountOf, ELB_SERVICE_NAME, newHexId, RESOURCE_TYPE, ruleArn } from '../../arns.js'
import { onResource, requestTagContext, tagOnCreate } from '../../authz.js'
import { priorityInUse, validationError } from '../../errors.js'
import { checkTagCount, inputTags } from '../../tags.js'
import { forwardedTargetGroups, relinkTargetGroups } from '../detach.js'
import { checkActions } from '../listener-rules.js'
import { loadListener, loadLoadBalancer, rulesOf } from '../loaders.js'
import { toRuleShape } from '../mappers.js'
import type { RuleAttributes } from '../records.js'

type Item = Readonly<Record<string, unknown>>

/** ELBv2 CreateRule: a rule of an application load balancer's listener, at a free priority. */
export const createRule: Operation = {
  async authorize(ctx, input) {
    const listener = await loadListener(ctx, String(input.ListenerArn))
    const tags = inputTags(input)
    const arn = ruleArn(listener.arn, newHexId(ctx, `rule:${String(input.Priority)}`))
    return [
      onResource('CreateRule', listener, requestTagContext(tags)),
      ...tagOnCreate('CreateRule', arn, tags),
    ]
  },
  async run(ctx, input) {
    const listener = await loadListener(ctx, String(input.ListenerArn))
    const lb = await loadLoadBalancer(ctx, listener.attributes.loadBalancerArn)
    if (lb.attributes.type !== 'application')
      throw validationError('Rules can only be created on listeners of application load balancers')
    const tags = inputTags(input)
    checkTagCount(tags)
    const priority = Number(input.Priority)
    if ((await rulesOf(ctx, listener.arn)).some((r) => r.attributes.priority === priority))
      throw priorityInUse(priority)
    const conditions = (input.Conditions ?? []) as Item[]
    if (conditions.length === 0) throw validationError('A rule must have at least one condition')
    const actions = await checkActions(ctx, lb, listener.attributes.protocol, (input.Actions ?? []) as Item[])
    const attributes: RuleAttributes = { listenerArn: listener.arn, priority, conditions, actions }
    const id = newHexId(ctx, `rule:${String(input.Priority)}`)
    const arn = ruleArn(listener.arn, id)
    const rule = await ctx.store.transaction(async (tx) => {
      const inserted = await tx.cloudResources.insert({
        arn,
        accountId: accountOf(ctx),
        region: ctx.region,
        service: ELB_SERVICE_NAME,
        type: RESOURCE_TYPE.rule,
        id,
        parentId: listener.arn,
        attributes,
        tags,
        at: ctx.now,
      })
      await relinkTargetGroups(tx, arn, [], forwardedTargetGroups(actions), ctx.now)
      return inserted
    })
    return { Rules: [toRuleShape(rule)] }
  },
}
