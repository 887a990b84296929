import { type ConditionOperator, ordered } from './operator.js'

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/

/** Parses an integer or decimal (`10` equals `10.0`); `undefined` for anything else. */
export function parseNumber(text: string): number | undefined {
  return NUMBER.test(text) ? Number(text) : undefined
}

/** The Numeric* operators; a non-numeric value on either side makes the comparison false. */
export const NUMERIC: readonly ConditionOperator[] = ordered('Numeric', parseNumber)
