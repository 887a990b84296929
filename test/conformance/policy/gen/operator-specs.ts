/** One base condition operator and request values chosen to satisfy it or not against `policy`. */
export interface OperatorSpec {
  readonly op: string
  /** The corpus file the operator's cases go to. */
  readonly file: string
  readonly key: string
  /** The policy values (OR'ed for positive operators, NOR'ed for negated ones). */
  readonly policy: readonly (string | number | boolean)[]
  /** Two request values that satisfy the operator; the second satisfies it through the last policy value. */
  readonly sat: readonly [string, string]
  /** Two request values that do not satisfy the operator. */
  readonly unsat: readonly [string, string]
  readonly negated: boolean
  /** The value of `sat[1]` is the same match as `sat[0]` (no distinct second policy value to exercise). */
  readonly singlePolicyValue?: boolean
}

const STRING_P = ['alpha', 'beta']
const LIKE_P = ['al*', 'b?ta']
const NUM_P = ['10', 20.5]
const DATE_P = ['2026-01-15T12:00:00Z', '2026-06-01T00:00:00Z']
const BIN_P = ['QmluYXJ5VmFsdWVJbkJhc2U2NA==', 'YWJj']
const IP_P = ['203.0.113.0/24', '2001:db8::/32']
const ARN_EQ_P = [`arn:aws:iam::111122223333:role/app`, 'arn:aws:sns:us-east-1:111122223333:topic']
const ARN_LIKE_P = ['arn:aws:iam::111122223333:role/team-*', 'arn:aws:sns:us-?ast-1:111122223333:*']
const ARN_IN = ['arn:aws:iam::111122223333:role/app', 'arn:aws:sns:us-east-1:111122223333:topic'] as const
const ARN_OUT = ['arn:aws:iam::111122223333:role/App', 'arn:aws:sns:us-west-2:111122223333:topic'] as const
const LIKE_IN = [
  'arn:aws:iam::111122223333:role/team-a/x',
  'arn:aws:sns:us-east-1:111122223333:alerts',
] as const
const LIKE_OUT = [
  'arn:aws:iam::444455556666:role/team-a',
  'arn:aws:sns:us-west-1:111122223333:alerts',
] as const

/** Every base operator except Null, with its satisfying and non-satisfying request values. */
export const OPERATOR_SPECS: readonly OperatorSpec[] = [
  {
    op: 'StringEquals',
    file: 'string',
    key: 'aws:PrincipalTag/team',
    policy: STRING_P,
    sat: ['alpha', 'beta'],
    unsat: ['Alpha', 'gamma'],
    negated: false,
  },
  {
    op: 'StringNotEquals',
    file: 'string',
    key: 'aws:PrincipalTag/team',
    policy: STRING_P,
    sat: ['gamma', 'Alpha'],
    unsat: ['alpha', 'beta'],
    negated: true,
  },
  {
    op: 'StringEqualsIgnoreCase',
    file: 'string',
    key: 'aws:PrincipalTag/team',
    policy: STRING_P,
    sat: ['ALPHA', 'Beta'],
    unsat: ['gamma', 'alph'],
    negated: false,
  },
  {
    op: 'StringNotEqualsIgnoreCase',
    file: 'string',
    key: 'aws:PrincipalTag/team',
    policy: STRING_P,
    sat: ['gamma', 'alph'],
    unsat: ['ALPHA', 'Beta'],
    negated: true,
  },
  {
    op: 'StringLike',
    file: 'string',
    key: 'aws:PrincipalTag/team',
    policy: LIKE_P,
    sat: ['alpha', 'beta'],
    unsat: ['Alpha', 'bta'],
    negated: false,
  },
  {
    op: 'StringNotLike',
    file: 'string',
    key: 'aws:PrincipalTag/team',
    policy: LIKE_P,
    sat: ['Alpha', 'bta'],
    unsat: ['alpha', 'beta'],
    negated: true,
  },
  {
    op: 'NumericEquals',
    file: 'numeric',
    key: 's3:max-keys',
    policy: NUM_P,
    sat: ['10.0', '20.5'],
    unsat: ['11', '-10'],
    negated: false,
  },
  {
    op: 'NumericNotEquals',
    file: 'numeric',
    key: 's3:max-keys',
    policy: NUM_P,
    sat: ['11', '-10'],
    unsat: ['10', '20.50'],
    negated: true,
  },
  {
    op: 'NumericLessThan',
    file: 'numeric',
    key: 's3:max-keys',
    policy: NUM_P,
    sat: ['9', '20'],
    unsat: ['20.5', '100'],
    negated: false,
  },
  {
    op: 'NumericLessThanEquals',
    file: 'numeric',
    key: 's3:max-keys',
    policy: NUM_P,
    sat: ['10', '20.5'],
    unsat: ['20.51', '100'],
    negated: false,
  },
  {
    op: 'NumericGreaterThan',
    file: 'numeric',
    key: 's3:max-keys',
    policy: NUM_P,
    sat: ['11', '10.5'],
    unsat: ['10', '-11'],
    negated: false,
  },
  {
    op: 'NumericGreaterThanEquals',
    file: 'numeric',
    key: 's3:max-keys',
    policy: NUM_P,
    sat: ['10', '99'],
    unsat: ['9', '9.99'],
    negated: false,
  },
  {
    op: 'DateEquals',
    file: 'date',
    key: 'aws:CurrentTime',
    policy: DATE_P,
    sat: ['2026-01-15T12:00:00Z', '2026-06-01T00:00:00Z'],
    unsat: ['2026-01-15T12:00:01Z', '2025-01-15T12:00:00Z'],
    negated: false,
  },
  {
    op: 'DateNotEquals',
    file: 'date',
    key: 'aws:CurrentTime',
    policy: DATE_P,
    sat: ['2026-01-15T12:00:01Z', '2025-01-15T12:00:00Z'],
    unsat: ['2026-01-15T12:00:00Z', '2026-06-01T00:00:00Z'],
    negated: true,
  },
  {
    op: 'DateLessThan',
    file: 'date',
    key: 'aws:CurrentTime',
    policy: DATE_P,
    sat: ['2026-01-15T11:59:59Z', '2026-03-01T00:00:00Z'],
    unsat: ['2026-06-01T00:00:00Z', '2027-01-01T00:00:00Z'],
    negated: false,
  },
  {
    op: 'DateLessThanEquals',
    file: 'date',
    key: 'aws:CurrentTime',
    policy: DATE_P,
    sat: ['2026-01-15T12:00:00Z', '2026-06-01T00:00:00Z'],
    unsat: ['2026-06-01T00:00:01Z', '2027-01-01T00:00:00Z'],
    negated: false,
  },
  {
    op: 'DateGreaterThan',
    file: 'date',
    key: 'aws:CurrentTime',
    policy: DATE_P,
    sat: ['2026-06-01T00:00:01Z', '2026-03-01T00:00:00Z'],
    unsat: ['2026-01-15T12:00:00Z', '2020-01-01T00:00:00Z'],
    negated: false,
  },
  {
    op: 'DateGreaterThanEquals',
    file: 'date',
    key: 'aws:CurrentTime',
    policy: DATE_P,
    sat: ['2026-01-15T12:00:00Z', '2027-01-01T00:00:00Z'],
    unsat: ['2026-01-15T11:59:59Z', '2020-01-01T00:00:00Z'],
    negated: false,
  },
  {
    op: 'Bool',
    file: 'bool-binary',
    key: 'aws:SecureTransport',
    policy: [true],
    sat: ['true', 'true'],
    unsat: ['false', 'false'],
    negated: false,
    singlePolicyValue: true,
  },
  {
    op: 'BinaryEquals',
    file: 'bool-binary',
    key: 'aws:RequestTag/blob',
    policy: BIN_P,
    sat: ['QmluYXJ5VmFsdWVJbkJhc2U2NA==', 'YWJj'],
    unsat: ['ZGVm', 'YWJk'],
    negated: false,
  },
  {
    op: 'IpAddress',
    file: 'ip',
    key: 'aws:SourceIp',
    policy: IP_P,
    sat: ['203.0.113.7', '2001:db8:1::5'],
    unsat: ['198.51.100.7', '2001:db9::1'],
    negated: false,
  },
  {
    op: 'NotIpAddress',
    file: 'ip',
    key: 'aws:SourceIp',
    policy: IP_P,
    sat: ['198.51.100.7', '2001:db9::1'],
    unsat: ['203.0.113.7', '2001:db8:1::5'],
    negated: true,
  },
  {
    op: 'ArnEquals',
    file: 'arn',
    key: 'aws:SourceArn',
    policy: ARN_EQ_P,
    sat: [...ARN_IN],
    unsat: [...ARN_OUT],
    negated: false,
  },
  {
    op: 'ArnLike',
    file: 'arn',
    key: 'aws:SourceArn',
    policy: ARN_LIKE_P,
    sat: [...LIKE_IN],
    unsat: [...LIKE_OUT],
    negated: false,
  },
  {
    op: 'ArnNotEquals',
    file: 'arn',
    key: 'aws:SourceArn',
    policy: ARN_EQ_P,
    sat: [...ARN_OUT],
    unsat: [...ARN_IN],
    negated: true,
  },
  {
    op: 'ArnNotLike',
    file: 'arn',
    key: 'aws:SourceArn',
    policy: ARN_LIKE_P,
    sat: [...LIKE_OUT],
    unsat: [...LIKE_IN],
    negated: true,
  },
]
