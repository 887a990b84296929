import type { PatternText } from '../match/wildcard.js'
import { Glob } from '../match/wildcard.js'
import { type ConditionOperator, negate, operator } from './operator.js'

/** Returns the request value when it has the six ARN components, else `undefined` (no match either way). */
function requestArn(value: string): string | undefined {
  let from = 0
  for (let i = 0; i < 5; i++) {
    const colon = value.indexOf(':', from)
    if (colon < 0) return undefined
    from = colon + 1
  }
  return value
}

/** Splits a policy ARN on its first five colons into six case-sensitive globs; `undefined` when shorter. */
function policyArn(value: PatternText): readonly Glob[] | undefined {
  const globs: Glob[] = []
  let from = 0
  for (let i = 0; i < 5; i++) {
    const colon = value.text.indexOf(':', from)
    if (colon < 0) return undefined
    globs.push(new Glob(value, false, from, colon))
    from = colon + 1
  }
  globs.push(new Glob(value, false, from))
  return globs
}

/** Matches each component separately, so `*` never crosses the first five colons. */
function arnMatches(actual: string, globs: readonly Glob[]): boolean {
  let from = 0
  for (let i = 0; i < 5; i++) {
    const colon = actual.indexOf(':', from)
    if (!globs[i]!.test(actual, from, colon)) return false
    from = colon + 1
  }
  return globs[5]!.test(actual, from)
}

/** `ArnLike` (and its twin `ArnEquals`): per-component glob, case-sensitive. */
export const ArnLike: ConditionOperator = operator<string, readonly Glob[]>({
  name: 'ArnLike',
  negated: false,
  variables: true,
  parseRequest: requestArn,
  parsePolicy: policyArn,
  test: arnMatches,
})

/** The ARN operators; `ArnEquals` and `ArnLike` behave identically, as do their negations. */
export const ARN: readonly ConditionOperator[] = [
  Object.assign({}, ArnLike, { name: 'ArnEquals' }),
  ArnLike,
  negate(ArnLike, 'ArnNotEquals'),
  negate(ArnLike, 'ArnNotLike'),
]
