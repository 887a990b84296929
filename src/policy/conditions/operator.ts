import type { PatternText } from '../match/wildcard.js'

/**
 * One base condition operator as a small record. Evaluators apply it per request value as
 * `some policy value p: test(parseRequest(r), p)` and negate that for negated operators (NOR).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
export interface ConditionOperator {
  /** The base name, e.g. `StringNotLike`. */
  readonly name: string
  /** Negated operators are true when no policy value matches. */
  readonly negated: boolean
  /** Whether `${...}` in policy values is substituted (2012-10-17 only). */
  readonly variables: boolean
  /** Parses a request value; `undefined` makes the comparison false for positive and negated operators alike. */
  parseRequest(value: string): unknown
  /** Parses a policy value; `undefined` means the value matches nothing. */
  parsePolicy(value: PatternText): unknown
  /** The positive comparison of a parsed request value with a parsed policy value. */
  test(actual: unknown, policy: unknown): boolean
}

/** A typed operator definition before it is stored in the registry. */
export interface TypedOperator<A, P> {
  readonly name: string
  readonly negated: boolean
  readonly variables: boolean
  parseRequest(value: string): A | undefined
  parsePolicy(value: PatternText): P | undefined
  test(actual: A, policy: P): boolean
}

/** Erases the value types of an operator definition. */
export function operator<A, P>(definition: TypedOperator<A, P>): ConditionOperator {
  return definition as unknown as ConditionOperator
}

/** The negated twin of a positive operator (`StringEquals` → `StringNotEquals`). */
export function negate(positive: ConditionOperator, name: string): ConditionOperator {
  return Object.assign({}, positive, { name, negated: true })
}

/** Builds the six comparison operators of an ordered value type (Numeric*, Date*). */
export function ordered(
  family: 'Numeric' | 'Date',
  parse: (text: string) => number | undefined,
): readonly ConditionOperator[] {
  const make = (suffix: string, test: (a: number, p: number) => boolean): ConditionOperator =>
    operator<number, number>({
      name: `${family}${suffix}`,
      negated: false,
      variables: false,
      parseRequest: parse,
      parsePolicy: (value) => parse(value.text),
      test,
    })
  const equals = make('Equals', (a, p) => a === p)
  return [
    equals,
    negate(equals, `${family}NotEquals`),
    make('LessThan', (a, p) => a < p),
    make('LessThanEquals', (a, p) => a <= p),
    make('GreaterThan', (a, p) => a > p),
    make('GreaterThanEquals', (a, p) => a >= p),
  ]
}
