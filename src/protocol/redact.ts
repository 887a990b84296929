import { resolveShape, type ServiceModel, type ShapeRef } from '../models/index.js'

/** AWS: CloudTrail's placeholder for a sensitive request parameter or response element. */
export const REDACTED = 'HIDDEN_DUE_TO_SECURITY_REASONS'

/**
 * A copy of an input or output (keyed by member names) with every member the model marks sensitive
 * (secret keys, passwords, secret values, web identity tokens, user data) replaced by `placeholder`.
 */
export function redactSensitive(
  model: ServiceModel,
  ref: ShapeRef | undefined,
  value: unknown,
  placeholder: string = REDACTED,
): unknown {
  if (!ref || value === undefined || value === null) return value
  const shape = resolveShape(model, ref)
  if (ref.sensitive || shape.sensitive) return placeholder
  switch (shape.type) {
    case 'structure': {
      const record = value as Record<string, unknown>
      const out: Record<string, unknown> = { ...record }
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        if (name in record) out[name] = redactSensitive(model, member, record[name], placeholder)
      }
      return out
    }
    case 'list':
      return (value as unknown[]).map((item) => redactSensitive(model, shape.member, item, placeholder))
    case 'map': {
      const entries = Object.entries(value as Record<string, unknown>)
      return Object.fromEntries(
        entries.map(([k, v]) => [k, redactSensitive(model, shape.value, v, placeholder)]),
      )
    }
    default:
      return value
  }
}
