import {
  ALLOW_ALL,
  allowed,
  type Case,
  DOCS,
  denied,
  IMPLICIT,
  identityCase,
  ref,
  type Value,
} from './build.js'
import type { OperatorSpec } from './operator-specs.js'

/** One row of the matrix: the operator as written, the request value (undefined = key absent) and the truth. */
interface Row {
  readonly label: string
  readonly operator: string
  readonly value: Value | undefined
  readonly truth: boolean
  readonly source: string
}

function rows(s: OperatorSpec): Row[] {
  const { op, sat, unsat, negated } = s
  const any = `ForAnyValue:${op}`
  const all = `ForAllValues:${op}`
  const out: Row[] = [
    {
      label: 'single request value satisfies',
      operator: op,
      value: sat[0],
      truth: true,
      source: DOCS.operators,
    },
    {
      label: 'single request value does not satisfy',
      operator: op,
      value: unsat[0],
      truth: false,
      source: DOCS.operators,
    },
    {
      label: negated ? 'key absent (negated operator is true)' : 'key absent (positive operator is false)',
      operator: op,
      value: undefined,
      truth: negated,
      source: `${DOCS.operators} (reference 2.2: absent key, positive false / negated true)`,
    },
    {
      label: 'IfExists, key absent',
      operator: `${op}IfExists`,
      value: undefined,
      truth: true,
      source: `${DOCS.operators}#Conditions_IfExists`,
    },
    {
      label: 'IfExists, present and satisfies',
      operator: `${op}IfExists`,
      value: sat[0],
      truth: true,
      source: `${DOCS.operators}#Conditions_IfExists`,
    },
    {
      label: 'IfExists, present and does not satisfy',
      operator: `${op}IfExists`,
      value: unsat[0],
      truth: false,
      source: `${DOCS.operators}#Conditions_IfExists`,
    },
    {
      label: 'ForAnyValue, one of two request values satisfies',
      operator: any,
      value: [unsat[0], sat[0]],
      truth: true,
      source: DOCS.multivalued,
    },
    {
      label: 'ForAnyValue, no request value satisfies',
      operator: any,
      value: [unsat[0], unsat[1]],
      truth: false,
      source: DOCS.multivalued,
    },
    {
      label: 'ForAnyValue, key absent',
      operator: any,
      value: undefined,
      truth: false,
      source: DOCS.multivalued,
    },
    {
      label: 'ForAnyValue IfExists, key absent',
      operator: `${any}IfExists`,
      value: undefined,
      truth: false,
      source: `${DOCS.multivalued} (reference 2.3: IfExists does not rescue ForAnyValue)`,
    },
    {
      label: 'ForAllValues, one of two request values fails',
      operator: all,
      value: [sat[0], unsat[0]],
      truth: false,
      source: DOCS.multivalued,
    },
    {
      label: 'ForAllValues, every request value satisfies',
      operator: all,
      value: [sat[0], sat[1]],
      truth: true,
      source: DOCS.multivalued,
    },
    {
      label: 'ForAllValues, key absent',
      operator: all,
      value: undefined,
      truth: true,
      source: DOCS.multivalued,
    },
    {
      label: 'ForAllValues IfExists, key absent',
      operator: `${all}IfExists`,
      value: undefined,
      truth: true,
      source: DOCS.multivalued,
    },
    {
      label: 'set operator on a single-valued request value',
      operator: any,
      value: sat[0],
      truth: true,
      source: DOCS.multivalued,
    },
  ]
  if (s.singlePolicyValue !== true) {
    const label = negated
      ? 'another value outside every policy value'
      : 'value satisfying another policy value'
    out.push({ label, operator: op, value: sat[1], truth: true, source: DOCS.operators })
  }
  if (!negated) {
    out.push({
      label: 'multivalued request value without a set operator is false',
      operator: op,
      value: [sat[0], sat[1]],
      truth: false,
      source: `${DOCS.multivalued} (reference 2.3, confirmed by field report boogy/iam-policy-validator#161)`,
    })
  }
  return out
}

function show(value: Value | undefined): string {
  if (value === undefined) return 'absent'
  return Array.isArray(value) ? `[${value.join(', ')}]` : value
}

/** Allow-frame and Deny-frame cases for one operator: the condition's truth decides the outcome. */
export function operatorCases(s: OperatorSpec): Case[] {
  const out: Case[] = []
  for (const row of rows(s)) {
    const cond = { [row.operator]: { [s.key]: s.policy } }
    const over = row.value === undefined ? {} : { context: { [s.key]: row.value } }
    const name = `${row.operator}: ${row.label} (${show(row.value)})`
    out.push(
      identityCase(
        name,
        [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: cond }],
        row.truth ? allowed(ref('identity[0]', 0, 'Allow')) : IMPLICIT,
        over,
        row.source,
      ),
    )
  }
  // The same condition in a Deny statement next to an Allow-all, for the two most telling rows.
  for (const row of rows(s)
    .filter((r) => r.operator === s.op && r.value !== undefined && !Array.isArray(r.value))
    .slice(0, 1)) {
    for (const [value, truth] of [
      [row.value, row.truth],
      [undefined, s.negated],
    ] as const) {
      const cond = { [s.op]: { [s.key]: s.policy } }
      const over = value === undefined ? {} : { context: { [s.key]: value } }
      out.push(
        identityCase(
          `${s.op} in a Deny next to Allow *: ${truth ? 'condition true, explicit deny' : 'condition false, allowed'} (${show(value)})`,
          [ALLOW_ALL, { Effect: 'Deny', Action: 's3:GetObject', Resource: '*', Condition: cond }],
          truth ? denied(ref('identity[0]', 1, 'Deny')) : allowed(ref('identity[0]', 0, 'Allow')),
          over,
          `${DOCS.evaluation} (explicit deny overrides allow)`,
        ),
      )
    }
  }
  return out
}
