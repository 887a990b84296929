import type { Operation } from '../../../operation.js'
import { elbAuthorization, onResource } from '../../authz.js'
import { operationNotPermitted } from '../../errors.js'
import { deleteRuleRecord } from '../detach.js'
import { loadRuleTarget } from '../rule-target.js'

/** ELBv2 DeleteRule: deletes a rule; a listener's default rule cannot be deleted. */
export const deleteRule: Operation = {
  async authorize(ctx, input) {
    const target = await loadRuleTarget(ctx, String(input.RuleArn))
    return [
      target.kind === 'rule'
        ? onResource('DeleteRule', target.rule)
        : elbAuthorization('DeleteRule', target.arn),
    ]
  },
  async run(ctx, input) {
    const target = await loadRuleTarget(ctx, String(input.RuleArn))
    if (target.kind === 'default')
      throw operationNotPermitted(`Default rule '${target.arn}' cannot be deleted`)
    await ctx.store.transaction((tx) => deleteRuleRecord(tx, target.rule, ctx.now))
    return {}
  },
}
