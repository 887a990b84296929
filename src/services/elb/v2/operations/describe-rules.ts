import type { Operation } from '../../../operation.js'
import { elbAuthorization } from '../../authz.js'
import { validationError } from '../../errors.js'
import { nextMarker, pageOf, pageRequest } from '../../pagination.js'
import { loadListener, rulesOf } from '../loaders.js'
import { toDefaultRuleShape, toRuleShape } from '../mappers.js'
import { loadRuleTarget } from '../rule-target.js'

/** ELBv2 DescribeRules: a listener's rules by priority, its default rule last; or the rules asked for by ARN. */
export const describeRules: Operation = {
  readOnly: true,
  async authorize() {
    return [elbAuthorization('DescribeRules', '*')]
  },
  async run(ctx, input) {
    const arns = Array.isArray(input.RuleArns) ? input.RuleArns.map(String) : undefined
    const listenerArn = typeof input.ListenerArn === 'string' ? input.ListenerArn : undefined
    if ((arns === undefined) === (listenerArn === undefined))
      throw validationError('You must specify either listener ARNs or rule ARNs')
    const shapes: Record<string, unknown>[] = []
    if (listenerArn !== undefined) {
      const listener = await loadListener(ctx, listenerArn)
      shapes.push(...(await rulesOf(ctx, listener.arn)).map(toRuleShape), toDefaultRuleShape(listener))
    } else {
      for (const arn of arns!) {
        const target = await loadRuleTarget(ctx, arn)
        shapes.push(target.kind === 'rule' ? toRuleShape(target.rule) : toDefaultRuleShape(target.listener))
      }
    }
    const page = pageOf(shapes, pageRequest(input))
    return { Rules: page.items, ...nextMarker(page.next) }
  },
}
