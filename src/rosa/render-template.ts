/**
 * Renders a policy template as rosa's InterpolatePolicyDocument does: every `%{key}` is replaced by its value,
 * then every literal `arn:aws:` becomes `arn:<partition>:`.
 */
export function renderTemplate(
  text: string,
  values: Readonly<Record<string, string>>,
  partition = 'aws',
): string {
  let out = text
  for (const [key, value] of Object.entries(values)) out = out.split(`%{${key}}`).join(value)
  return partition === 'aws' ? out : out.split('arn:aws:').join(`arn:${partition}:`)
}

/** Minifies a JSON document (what rosa sends is the template text; Lanyard sends it compact). */
export function minifyJson(text: string): string {
  return JSON.stringify(JSON.parse(text))
}

/**
 * Adds `StringEquals sts:ExternalId` to every Allow statement whose Action includes sts:AssumeRole
 * (ocm-common ApplySTSExternalIDToTrustPolicy).
 */
export function applyExternalId(document: string, externalId: string): string {
  const parsed = JSON.parse(document) as { Statement: Record<string, unknown>[] }
  for (const statement of parsed.Statement) {
    const actions = ([] as unknown[]).concat(statement.Action ?? [])
    if (statement.Effect !== 'Allow' || !actions.includes('sts:AssumeRole')) continue
    const condition = (statement.Condition ?? {}) as Record<string, Record<string, unknown>>
    // Parsed JSON: its keys are copied by a spread, never by Object.assign's setter calls.
    condition.StringEquals = Object.assign({ ...condition.StringEquals }, { 'sts:ExternalId': externalId })
    statement.Condition = condition
  }
  return JSON.stringify(parsed)
}

/** A JSON value with one-element arrays collapsed to their element (AWS may return either form). */
function collapse(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 1 ? collapse(value[0]) : value.map(collapse)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, collapse(v)]))
  }
  return value
}

/** Whether two policy documents (JSON text, URL-encoded or not) say the same. */
export function samePolicyDocument(a: string, b: string): boolean {
  const parse = (text: string): unknown =>
    JSON.parse(text.trimStart().startsWith('{') ? text : decodeURIComponent(text))
  return JSON.stringify(collapse(parse(a))) === JSON.stringify(collapse(parse(b)))
}
