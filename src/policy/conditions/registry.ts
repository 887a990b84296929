import { ARN } from './arn.js'
import { BINARY } from './binary.js'
import { BOOL } from './bool.js'
import { DATE } from './date.js'
import { IP } from './ip.js'
import { NULL_OPERATOR } from './null.js'
import { NUMERIC } from './numeric.js'
import type { ConditionOperator } from './operator.js'
import { STRING } from './string.js'

/** Every base operator by its case-sensitive name (Null is handled apart). */
export const OPERATORS: ReadonlyMap<string, ConditionOperator> = new Map(
  [...STRING, ...NUMERIC, ...DATE, ...BOOL, ...BINARY, ...IP, ...ARN].map((o) => [o.name, o]),
)

/** A condition operator name taken apart: `[ForAllValues:|ForAnyValue:]<Base>[IfExists]`. */
export interface OperatorName {
  /** The base operator, or `null` for `Null`. */
  readonly base: ConditionOperator | null
  readonly set: 'any' | 'all' | null
  readonly ifExists: boolean
}

const SET_PREFIXES = [
  ['ForAnyValue:', 'any'],
  ['ForAllValues:', 'all'],
] as const

/** Parses an operator name; `undefined` for an unknown operator (which makes its condition false). */
export function parseOperatorName(name: string): OperatorName | undefined {
  if (name === NULL_OPERATOR) return { base: null, set: null, ifExists: false }
  let rest = name
  let set: OperatorName['set'] = null
  for (const [prefix, kind] of SET_PREFIXES) {
    if (rest.startsWith(prefix)) {
      rest = rest.slice(prefix.length)
      set = kind
      break
    }
  }
  const ifExists = rest.endsWith('IfExists')
  if (ifExists) rest = rest.slice(0, -'IfExists'.length)
  const base = OPERATORS.get(rest)
  return base === undefined ? undefined : { base, set, ifExists }
}
