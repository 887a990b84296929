/** AWS: CloudTrail's placeholder for secret values in requestParameters and responseElements. */
export const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS'

/** Member names whose values never reach the audit trail. */
const SECRET_MEMBERS: ReadonlySet<string> = new Set([
  'SecretAccessKey',
  'SessionToken',
  'Password',
  'NewPassword',
  'OldPassword',
  'PrivateKey',
  'WebIdentityToken',
  'SAMLAssertion',
  'SecretString',
  'SecretBinary',
  'AuthenticationCode1',
  'AuthenticationCode2',
  'TokenCode',
  'Base32StringSeed',
  'QRCodePNG',
  // EC2 user data often carries bootstrap secrets (ignition configs).
  'UserData',
])

/** A deep copy of `value` in which every secret member is replaced by CloudTrail's placeholder; dates become ISO strings. */
export function redact(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (value instanceof Uint8Array) return HIDDEN
  if (Array.isArray(value)) return value.map(redact)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [key, member] of Object.entries(value))
    out[lowerFirst(key)] = SECRET_MEMBERS.has(key) ? HIDDEN : redact(member)
  return out
}

/** CloudTrail writes member names in lower camel case (`roleName`). */
function lowerFirst(name: string): string {
  return name.length > 0 ? name[0]!.toLowerCase() + name.slice(1) : name
}
