import type { ContextValue } from '../../policy/index.js'
import { invalidParameterValue } from './errors.js'
import type { SessionClaims } from './session-claims.js'

type TagPair = readonly [string, string]

/** The tags of a new session: inherited transitive tags first, then the requested ones. */
export interface SessionTagSet {
  /** The tags this request passes (`Tags`). */
  readonly requested: readonly TagPair[]
  /** The calling session's transitive tags, which the new session inherits. */
  readonly inherited: readonly TagPair[]
  readonly tags: readonly TagPair[]
  readonly transitiveTagKeys: readonly string[]
  /** The `TransitiveTagKeys` this request passes. */
  readonly requestedTransitive: readonly string[]
}

/** The `Tags` and `TransitiveTagKeys` of a request, checked against each other and the caller's session. */
export function sessionTags(
  input: Record<string, unknown>,
  caller: SessionClaims | undefined,
): SessionTagSet {
  const list = Array.isArray(input.Tags) ? (input.Tags as { Key?: unknown; Value?: unknown }[]) : []
  const requested = list.map((tag) => [String(tag.Key ?? ''), String(tag.Value ?? '')] as const)
  const requestedTransitive = Array.isArray(input.TransitiveTagKeys)
    ? input.TransitiveTagKeys.map(String)
    : []
  const keys = new Set<string>()
  for (const [key] of requested) {
    const lower = key.toLowerCase()
    if (keys.has(lower))
      throw invalidParameterValue('Duplicate tag keys found. Please note that Tag keys are case insensitive.')
    keys.add(lower)
  }
  for (const key of requestedTransitive)
    if (!keys.has(key.toLowerCase()))
      throw invalidParameterValue('The specified transitive tag key must be included in the requested tags.')
  const inheritedKeys = caller?.transitiveTagKeys ?? []
  const inheritedLower = new Set(inheritedKeys.map((key) => key.toLowerCase()))
  const inherited = (caller?.tags ?? []).filter(([key]) => inheritedLower.has(key.toLowerCase()))
  for (const [key] of requested)
    if (inheritedLower.has(key.toLowerCase()))
      throw invalidParameterValue(
        "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
      )
  return {
    requested,
    inherited,
    tags: [...inherited, ...requested],
    transitiveTagKeys: [...inheritedKeys, ...requestedTransitive],
    requestedTransitive,
  }
}

/** `aws:RequestTag/<key>` and `aws:TagKeys` for the tags a session is given; empty when there are none. */
export function requestTagContext(tags: readonly TagPair[]): Record<string, ContextValue> {
  if (tags.length === 0) return {}
  const context: Record<string, ContextValue> = { 'aws:TagKeys': tags.map(([key]) => key) }
  for (const [key, value] of tags) context[`aws:RequestTag/${key}`] = value
  return context
}
