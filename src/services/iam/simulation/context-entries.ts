import { isIP } from 'node:net'
import type { ContextValue, RequestContext } from '../../../policy/index.js'
import { invalidInput } from '../errors.js'

const NUMERIC = /^-?\d+(\.\d+)?$/
const BOOLEAN = /^(true|false)$/i

/** Checks one value against its ContextKeyType (without the `List` suffix). */
function valid(type: string, value: string): boolean {
  switch (type) {
    case 'numeric':
      return NUMERIC.test(value)
    case 'boolean':
      return BOOLEAN.test(value)
    case 'ip':
      return isIP(value.replace(/\/\d+$/, '')) !== 0
    case 'date':
      return /^\d+$/.test(value) || !Number.isNaN(Date.parse(value))
    default:
      return true
  }
}

/**
 * The request context of a simulation: only the ContextEntries, under lower-cased names. `…List` types
 * are multivalued; the others take exactly one value.
 */
export function simulationContext(entries: unknown): RequestContext {
  const context = new Map<string, ContextValue>()
  if (!Array.isArray(entries)) return context
  for (const entry of entries as Record<string, unknown>[]) {
    const name = entry.ContextKeyName
    const type = typeof entry.ContextKeyType === 'string' ? entry.ContextKeyType : 'string'
    const values = Array.isArray(entry.ContextKeyValues) ? (entry.ContextKeyValues as string[]) : []
    if (typeof name !== 'string' || name.length === 0) throw invalidInput('ContextKeyName is required.')
    const list = type.endsWith('List')
    const base = list ? type.slice(0, -4) : type
    for (const value of values) {
      if (!valid(base, value))
        throw invalidInput(`Invalid value ${value} for context key ${name} of type ${type}.`)
    }
    if (!list && values.length !== 1)
      throw invalidInput(`Context key ${name} of type ${type} takes exactly one value.`)
    context.set(name.toLowerCase(), list ? values : values[0]!)
  }
  return context
}
