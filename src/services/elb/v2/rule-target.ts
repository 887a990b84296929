import type { OperationContext } from '../../operation.js'
import { arnKind, defaultRuleArn, listenerOfRule } from '../arns.js'
import { ruleNotFound, validationError } from '../errors.js'
import { findListener, findRule, type ListenerRecord, type RuleRecord } from './loaders.js'

/** A rule ARN resolved: a stored rule, or a listener's default rule. */
export type RuleTarget =
  | { readonly kind: 'rule'; readonly rule: RuleRecord }
  | { readonly kind: 'default'; readonly listener: ListenerRecord; readonly arn: string }

/** The rule of `arn` (stored or a listener's default); RuleNotFound when there is none. */
export async function loadRuleTarget(ctx: OperationContext, arn: string): Promise<RuleTarget> {
  if (arnKind(arn) !== 'listener-rule') throw validationError(`'${arn}' is not a valid rule ARN`)
  const rule = await findRule(ctx, arn)
  if (rule !== undefined) return { kind: 'rule', rule }
  const listener = await findListener(ctx, listenerOfRule(arn))
  if (listener !== undefined && defaultRuleArn(listener.arn) === arn)
    return { kind: 'default', listener, arn }
  throw ruleNotFound()
}
