import { type ConditionOperator, operator } from './operator.js'

/** Parses `true`/`false` ignoring case; `undefined` for anything else. */
export function parseBool(text: string): boolean | undefined {
  const lower = text.toLowerCase()
  return lower === 'true' ? true : lower === 'false' ? false : undefined
}

/** `Bool`: a non-boolean request value gives false. Variables are accepted in its values. */
export const Bool: ConditionOperator = operator<boolean, boolean>({
  name: 'Bool',
  negated: false,
  variables: true,
  parseRequest: parseBool,
  parsePolicy: (value) => parseBool(value.text),
  test: (actual, policy) => actual === policy,
})

/** The Boolean operators. */
export const BOOL: readonly ConditionOperator[] = [Bool]
