/** One trusted entity of a role's trust policy, as the IAM console lists it. */
export interface TrustedEntity {
  readonly kind: 'AWS account' | 'IAM principal' | 'AWS service' | 'Identity provider' | 'Anyone'
  readonly value: string
}

/** One condition of a trust policy statement. */
export interface TrustCondition {
  readonly operator: string
  readonly key: string
  readonly values: readonly string[]
}

const list = (value: unknown): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]

/** The parsed document of a URL-encoded (or plain) policy text; undefined when it is not JSON. */
export function decodePolicy(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined
  let decoded = text
  try {
    decoded = decodeURIComponent(text)
  } catch {
    // Not URL-encoded.
  }
  try {
    return JSON.parse(decoded) as Record<string, unknown>
  } catch {
    return undefined
  }
}

function statements(document: Record<string, unknown> | undefined): Record<string, unknown>[] {
  const value = document?.Statement
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]) as Record<string, unknown>[]
}

function entity(kind: string, value: string): TrustedEntity {
  if (kind === 'Service') return { kind: 'AWS service', value }
  if (kind === 'Federated') return { kind: 'Identity provider', value }
  if (value === '*') return { kind: 'Anyone', value }
  if (/^\d{12}$/.test(value)) return { kind: 'AWS account', value }
  const root = /^arn:aws[\w-]*:iam::(\d{12}):root$/.exec(value)
  if (root) return { kind: 'AWS account', value: root[1]! }
  return { kind: 'IAM principal', value }
}

/** The principals the Allow statements of a trust policy name, de-duplicated, in document order. */
export function trustedEntities(document: Record<string, unknown> | undefined): TrustedEntity[] {
  const out: TrustedEntity[] = []
  const seen = new Set<string>()
  for (const statement of statements(document)) {
    if (statement.Effect !== 'Allow') continue
    const principal = statement.Principal
    const entries: [string, string][] =
      principal === '*'
        ? [['AWS', '*']]
        : Object.entries((principal ?? {}) as Record<string, unknown>).flatMap(([kind, v]) =>
            list(v).map((value): [string, string] => [kind, value]),
          )
    for (const [kind, value] of entries) {
      const found = entity(kind, value)
      const key = `${found.kind}\u0000${found.value}`
      if (seen.has(key)) continue
      seen.add(key)
      out.push(found)
    }
  }
  return out
}

/** Every condition of every statement of a trust policy. */
export function trustConditions(document: Record<string, unknown> | undefined): TrustCondition[] {
  const out: TrustCondition[] = []
  for (const statement of statements(document)) {
    const condition = (statement.Condition ?? {}) as Record<string, Record<string, unknown>>
    for (const [operator, keys] of Object.entries(condition))
      for (const [key, values] of Object.entries(keys ?? {}))
        out.push({ operator, key, values: list(values) })
  }
  return out
}

/** The console's one-line text of the trusted entities (the roles list's column). */
export const trustedEntitiesText = (entities: readonly TrustedEntity[]): string =>
  entities
    .map((e) =>
      e.kind === 'AWS account'
        ? `Account: ${e.value}`
        : e.kind === 'AWS service'
          ? `AWS service: ${e.value}`
          : e.value,
    )
    .join(', ')
