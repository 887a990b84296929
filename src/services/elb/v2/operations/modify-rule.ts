import type { Operation } from '../../../operation.js'
import { listenerOfRule, loadBalancerOfListener } from '../../arns.js'
import { elbAuthorization, onResource } from '../../authz.js'
import { validationError } from '../../errors.js'
import { forwardedTargetGroups, relinkTargetGroups } from '../detach.js'
import { checkActions } from '../listener-rules.js'
import { type ListenerRecord, loadListener, loadLoadBalancer, type RuleRecord } from '../loaders.js'
import { toDefaultRuleShape, toRuleShape } from '../mappers.js'
import { loadRuleTarget } from '../rule-target.js'

type Item = Readonly<Record<string, unknown>>

/** ELBv2 ModifyRule: new conditions or actions for a rule; the default rule takes new actions only (its listener's). */
export const modifyRule: Operation = {
  async authorize(ctx, input) {
    const target = await loadRuleTarget(ctx, String(input.RuleArn))
    return [
      target.kind === 'rule'
        ? onResource('ModifyRule', target.rule)
        : elbAuthorization('ModifyRule', target.arn),
    ]
  },
  async run(ctx, input) {
    const target = await loadRuleTarget(ctx, String(input.RuleArn))
    const listener =
      target.kind === 'default' ? target.listener : await loadListener(ctx, listenerOfRule(target.rule.arn))
    const lb = await loadLoadBalancer(ctx, loadBalancerOfListener(listener.arn))
    const conditions = Array.isArray(input.Conditions) ? (input.Conditions as Item[]) : undefined
    if (target.kind === 'default' && conditions !== undefined && conditions.length > 0)
      throw validationError('The default rule cannot have conditions')
    const previous =
      target.kind === 'rule' ? target.rule.attributes.actions : listener.attributes.defaultActions
    const actions = Array.isArray(input.Actions)
      ? await checkActions(ctx, lb, listener.attributes.protocol, input.Actions as Item[])
      : previous
    const owner = target.kind === 'rule' ? target.rule : listener
    const attributes =
      target.kind === 'rule'
        ? Object.assign({}, target.rule.attributes, {
            actions,
            ...(conditions === undefined ? {} : { conditions }),
          })
        : Object.assign({}, listener.attributes, { defaultActions: actions })
    const updated = await ctx.store.transaction(async (tx) => {
      const result = await tx.cloudResources.update(owner.arn, { attributes, at: ctx.now }, owner.revision)
      await relinkTargetGroups(
        tx,
        owner.arn,
        forwardedTargetGroups(previous),
        forwardedTargetGroups(actions),
        ctx.now,
      )
      return result
    })
    return {
      Rules: [
        target.kind === 'rule'
          ? toRuleShape((updated ?? target.rule) as RuleRecord)
          : toDefaultRuleShape((updated ?? listener) as ListenerRecord),
      ],
    }
  },
}
