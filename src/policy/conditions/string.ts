import { Glob } from '../match/wildcard.js'
import { type ConditionOperator, negate, operator } from './operator.js'

/** `StringEquals`: exact, case-sensitive; a `*` is literal. */
export const StringEquals = operator<string, string>({
  name: 'StringEquals',
  negated: false,
  variables: true,
  parseRequest: (value) => value,
  parsePolicy: (value) => value.text,
  test: (actual, policy) => actual === policy,
})

/** `StringEqualsIgnoreCase`: exact, ignoring case. */
export const StringEqualsIgnoreCase = operator<string, string>({
  name: 'StringEqualsIgnoreCase',
  negated: false,
  variables: true,
  parseRequest: (value) => value.toLowerCase(),
  parsePolicy: (value) => value.text.toLowerCase(),
  test: (actual, policy) => actual === policy,
})

/** `StringLike`: case-sensitive glob; `*` and `?` anywhere. */
export const StringLike = operator<string, Glob>({
  name: 'StringLike',
  negated: false,
  variables: true,
  parseRequest: (value) => value,
  parsePolicy: (value) => new Glob(value, false),
  test: (actual, policy) => policy.test(actual),
})

/** The String* operators. */
export const STRING: readonly ConditionOperator[] = [
  StringEquals,
  negate(StringEquals, 'StringNotEquals'),
  StringEqualsIgnoreCase,
  negate(StringEqualsIgnoreCase, 'StringNotEqualsIgnoreCase'),
  StringLike,
  negate(StringLike, 'StringNotLike'),
]
