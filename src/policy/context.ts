/** A request-context value: single-valued (string) or multivalued (array). */
export type ContextValue = string | readonly string[]

/** Request context keys, stored under their lower-cased names since AWS compares keys case-insensitively. */
export type RequestContext = ReadonlyMap<string, ContextValue>

/** Builds a request context from a plain object, lower-casing every key. */
export function contextFrom(
  entries: Readonly<Record<string, ContextValue>> | Iterable<[string, ContextValue]>,
): RequestContext {
  const map = new Map<string, ContextValue>()
  const pairs =
    Symbol.iterator in entries ? (entries as Iterable<[string, ContextValue]>) : Object.entries(entries)
  for (const [key, value] of pairs) map.set(key.toLowerCase(), value)
  return map
}

/** Looks up a key case-insensitively. */
export function contextValue(context: RequestContext, key: string): ContextValue | undefined {
  return context.get(key.toLowerCase())
}
