import fc from 'fast-check'

/** AWS read-only actions this server serves; a validly signed call of one may succeed. Nothing here writes. */
export const READ_ONLY_ACTIONS = [
  'GetCallerIdentity',
  'GetUser',
  'ListUsers',
  'GetRole',
  'ListRoles',
  'GetPolicy',
  'ListPolicies',
  'ListAccessKeys',
  'ListGroups',
  'LookupEvents',
] as const

const VERSIONS = ['2011-06-15', '2010-05-08', '2013-11-01', '', '2099-01-01', 'latest']

/** Text with the characters that break parsers: controls, quotes, XML and form metacharacters, astral planes. */
export const nastyText = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength, unit: 'binary' }),
    fc.string({
      maxLength,
      unit: fc.constantFrom('<', '>', '&', '"', "'", '%', '=', '&', '.', '\0', '\u2028', '😀', 'a'),
    }),
    fc.constantFrom('%', '%Z', '%FF%FE', '%C3%28', '%ED%A0%80', '..', '\\', '\r\n', ''),
  )

/** `a.member.1.member.1…` down to `depth`. */
const nestedKey = fc
  .tuple(
    fc.constantFrom('a', 'Tags', 'PolicyArns', 'Filter', 'LookupAttributes'),
    fc.integer({ min: 1, max: 200 }),
  )
  .map(([root, depth]) => `${root}${'.member.1'.repeat(depth)}`)

const memberKey = fc.constantFrom(
  'UserName',
  'RoleName',
  'PolicyArn',
  'Marker',
  'MaxItems',
  'PathPrefix',
  'Tags.member.1.Key',
  'Tags.member.0.Value',
  'Tags.member.-1.Key',
  'Tags.member.99999999999999999999.Key',
)

const value = fc.oneof(
  { weight: 4, arbitrary: nastyText(40) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 300_000 }).map((n) => 'x'.repeat(n)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('-1', '0', '1e309', 'NaN', '1001', 'true', 'arn:aws:iam::aws:policy/'),
  },
)

/** One key=value pair, form-encoded; keys and values may carry broken percent escapes on purpose. */
const pair = fc
  .tuple(fc.oneof(memberKey, nestedKey, nastyText(20)), value, fc.boolean())
  .map(([key, val, encode]) => (encode ? `${encodeURIComponent(key)}=${safeEncode(val)}` : `${key}=${val}`))

function safeEncode(text: string): string {
  try {
    return encodeURIComponent(text)
  } catch {
    return text // lone surrogates: sent as they are
  }
}

/** A form body: an action (read-only or unknown), a version (right, wrong or missing) and random parameters. */
export const formBody = fc
  .record({
    action: fc.oneof(
      fc.constantFrom(...READ_ONLY_ACTIONS),
      fc.stringMatching(/^[A-Za-z0-9]{0,12}$/).map((s) => `Fuzz${s}`),
    ),
    version: fc.constantFrom(...VERSIONS),
    pairs: fc.array(pair, { maxLength: 6 }),
    duplicateAction: fc.boolean(),
  })
  .map(({ action, version, pairs, duplicateAction }) => ({
    action,
    text: [
      `Action=${action}`,
      ...(version === '' ? [] : [`Version=${version}`]),
      ...(duplicateAction ? ['Action=FuzzDuplicate'] : []),
      ...pairs,
    ].join('&'),
  }))
