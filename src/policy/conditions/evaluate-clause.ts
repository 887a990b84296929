import type { RequestContext } from '../context.js'
import type { ConditionClause, PolicyVersion } from '../document.js'
import { resolveTemplate, templateOf } from '../match/variables.js'
import { nullHolds } from './null.js'
import { parseOperatorName } from './registry.js'

/**
 * Evaluates one condition clause the straightforward way, parsing everything per call.
 * Missing keys, IfExists, negation (NOR over policy values) and the set operators follow the
 * IAM rules; an empty multivalued key counts as absent; an unknown operator is false.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
export function evaluateClause(
  clause: ConditionClause,
  context: RequestContext,
  version: PolicyVersion,
): boolean {
  const name = parseOperatorName(clause.operator)
  if (name === undefined) return false
  const value = context.get(clause.key.toLowerCase())
  const values: readonly string[] = value === undefined ? [] : typeof value === 'string' ? [value] : value
  if (name.base === null) return clause.values.some((v) => nullHolds(values.length > 0, v))
  const op = name.base
  const variables = version === '2012-10-17' && op.variables
  const policy = clause.values.map((v) => {
    // An unresolvable variable leaves a value that equals nothing.
    const text = resolveTemplate(templateOf(v, variables), context)
    return text === undefined ? undefined : op.parsePolicy(text)
  })
  const holds = (requestValue: string): boolean => {
    const actual = op.parseRequest(requestValue)
    if (actual === undefined) return false
    const matched = policy.some((p) => p !== undefined && op.test(actual, p))
    return op.negated ? !matched : matched
  }
  if (name.set === 'any') return values.some(holds)
  if (name.set === 'all') return values.every(holds)
  if (values.length === 0) return name.ifExists || op.negated
  // AWS: an operator without a set prefix does not match a multivalued request value.
  if (values.length > 1) return false
  return holds(values[0]!)
}

/** Whether every clause of a statement's Condition block holds (AND). */
export function evaluateConditions(
  clauses: readonly ConditionClause[],
  context: RequestContext,
  version: PolicyVersion,
): boolean {
  return clauses.every((clause) => evaluateClause(clause, context, version))
}
