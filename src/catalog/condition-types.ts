/** The data type of a condition key, as the Service Authorization Reference names it. */
export type ConditionKeyType =
  | 'String'
  | 'ARN'
  | 'Bool'
  | 'Date'
  | 'Numeric'
  | 'IPAddress'
  | 'Binary'
  | 'ArrayOfString'
  | 'ArrayOfARN'
  | 'ArrayOfBool'
  | 'ArrayOfDate'
  | 'ArrayOfNumeric'
  | 'ArrayOfIPAddress'
  | 'ArrayOfBinary'

const SCALAR_TYPES = ['String', 'ARN', 'Bool', 'Date', 'Numeric', 'IPAddress', 'Binary'] as const

/** The single-value type of a condition key type (`ArrayOfString` → `String`). */
export type ScalarKeyType = (typeof SCALAR_TYPES)[number]

/** Reads a type name from the data; unknown names (never seen so far) read as String. */
export function toConditionKeyType(raw: string): ConditionKeyType {
  const scalar = raw.startsWith('ArrayOf') ? raw.slice('ArrayOf'.length) : raw
  const known = SCALAR_TYPES.find((type) => type.toLowerCase() === scalar.toLowerCase())
  if (!known) return 'String'
  return (raw.startsWith('ArrayOf') ? `ArrayOf${known}` : known) as ConditionKeyType
}

/** Whether a key of this type carries several values in one request (`ArrayOf…`). */
export function isMultiValued(type: ConditionKeyType): boolean {
  return type.startsWith('ArrayOf')
}

/** The single-value type of a key type. */
export function scalarType(type: ConditionKeyType): ScalarKeyType {
  return (isMultiValued(type) ? type.slice('ArrayOf'.length) : type) as ScalarKeyType
}

/** A condition operator split into its set qualifier, base operator and IfExists suffix. */
export interface OperatorParts {
  readonly qualifier: 'ForAllValues' | 'ForAnyValue' | undefined
  readonly base: string
  readonly ifExists: boolean
}

/** Splits `ForAnyValue:StringLikeIfExists` into qualifier, base operator and suffix. */
export function splitOperator(operator: string): OperatorParts {
  let rest = operator
  let qualifier: OperatorParts['qualifier']
  for (const q of ['ForAllValues', 'ForAnyValue'] as const) {
    if (rest.startsWith(`${q}:`)) {
      qualifier = q
      rest = rest.slice(q.length + 1)
    }
  }
  const ifExists = rest.endsWith('IfExists') && rest !== 'IfExists'
  return { qualifier, base: ifExists ? rest.slice(0, -'IfExists'.length) : rest, ifExists }
}

const FAMILIES: readonly (readonly [ScalarKeyType | 'Null', readonly string[]])[] = [
  [
    'String',
    [
      'StringEquals',
      'StringNotEquals',
      'StringEqualsIgnoreCase',
      'StringNotEqualsIgnoreCase',
      'StringLike',
      'StringNotLike',
    ],
  ],
  ['ARN', ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike']],
  [
    'Numeric',
    [
      'NumericEquals',
      'NumericNotEquals',
      'NumericLessThan',
      'NumericLessThanEquals',
      'NumericGreaterThan',
      'NumericGreaterThanEquals',
    ],
  ],
  [
    'Date',
    [
      'DateEquals',
      'DateNotEquals',
      'DateLessThan',
      'DateLessThanEquals',
      'DateGreaterThan',
      'DateGreaterThanEquals',
    ],
  ],
  ['Bool', ['Bool']],
  ['IPAddress', ['IpAddress', 'NotIpAddress']],
  ['Binary', ['BinaryEquals']],
  ['Null', ['Null']],
]

/** The value type a base operator compares (`StringLike` → String), or undefined for an unknown operator. */
export function operatorValueType(base: string): ScalarKeyType | 'Null' | undefined {
  return FAMILIES.find(([, names]) => names.includes(base))?.[0]
}

/**
 * Whether an operator family may compare a key of this type.
 * AWS: ARN-typed keys may also be compared with string operators (the documentation's own
 * examples use StringLike on aws:PrincipalArn); Null applies to every key.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
export function operatorFitsKey(operatorType: ScalarKeyType | 'Null', keyType: ConditionKeyType): boolean {
  if (operatorType === 'Null') return true
  const scalar = scalarType(keyType)
  return operatorType === scalar || (operatorType === 'String' && scalar === 'ARN')
}
