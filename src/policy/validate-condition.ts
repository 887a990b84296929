import type { PolicyIssue } from './issues.js'
import { malformed } from './issues.js'
import { childPath, isJsonObject, JsonNumber, type JsonValue } from './parse-json.js'
import { MALFORMED } from './validate-messages.js'

/** The base condition operators AWS accepts (case-sensitive). */
export const CONDITION_BASE_OPERATORS: ReadonlySet<string> = new Set([
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
])

/** The parts of an operator name: `[ForAllValues:|ForAnyValue:]<Base>[IfExists]`. */
export interface OperatorName {
  readonly setPrefix?: 'ForAllValues' | 'ForAnyValue'
  readonly base: string
  readonly ifExists: boolean
}

const SET_PREFIXES = ['ForAllValues', 'ForAnyValue'] as const
const IF_EXISTS = 'IfExists'

/** Splits an operator name into its parts; `undefined` for an unknown base, or `Null` with a prefix or suffix. */
export function parseOperatorName(name: string): OperatorName | undefined {
  let rest = name
  let setPrefix: OperatorName['setPrefix']
  for (const prefix of SET_PREFIXES) {
    if (rest.startsWith(`${prefix}:`)) {
      setPrefix = prefix
      rest = rest.slice(prefix.length + 1)
      break
    }
  }
  const ifExists = rest.endsWith(IF_EXISTS) && rest !== IF_EXISTS
  const base = ifExists ? rest.slice(0, -IF_EXISTS.length) : rest
  if (!CONDITION_BASE_OPERATORS.has(base)) return undefined
  // AWS: Null takes neither the IfExists suffix nor a set prefix.
  if (base === 'Null' && (ifExists || setPrefix !== undefined)) return undefined
  return setPrefix === undefined ? { base, ifExists } : { setPrefix, base, ifExists }
}

/** One `"<Operator>": {"<key>": values}` entry, values turned into strings. */
export interface RawCondition {
  readonly operator: string
  readonly key: string
  readonly values: readonly string[]
  /** JSON path of the key, e.g. `Statement[0].Condition.DateGreaterThan.aws:CurrentTime`. */
  readonly path: string
}

/** Reads a Condition block; pushes `Syntax errors in policy.` for each shape error into `issues`. */
export function readConditions(value: JsonValue, path: string, issues: PolicyIssue[]): RawCondition[] {
  const out: RawCondition[] = []
  if (!isJsonObject(value)) {
    issues.push(malformed(path, MALFORMED.syntax))
    return out
  }
  for (const [operator, body] of value) {
    const operatorPath = childPath(path, operator)
    if (!isJsonObject(body)) {
      issues.push(malformed(operatorPath, MALFORMED.syntax))
      continue
    }
    // AWS: an unknown operator is accepted while its body is empty [impl: moto].
    if (parseOperatorName(operator) === undefined && body.size > 0) {
      issues.push(malformed(operatorPath, MALFORMED.syntax))
      continue
    }
    for (const [key, raw] of body) {
      const keyPath = childPath(operatorPath, key)
      const values = conditionValues(raw)
      if (values === undefined) issues.push(malformed(keyPath, MALFORMED.syntax))
      else out.push({ operator, key, values, path: keyPath })
    }
  }
  return out
}

/** A condition value as strings: a scalar or an array of scalars; objects and null are syntax errors. */
function conditionValues(raw: JsonValue): string[] | undefined {
  const list = Array.isArray(raw) ? raw : [raw]
  const out: string[] = []
  for (const item of list) {
    const text = scalarText(item)
    if (text === undefined) return undefined
    out.push(text)
  }
  return out
}

function scalarText(value: JsonValue): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (value instanceof JsonNumber) return value.text
  return undefined
}
