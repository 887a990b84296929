import type { ContextValue } from '../../policy/index.js'
import type { Tag } from '../../store/index.js'
import { invalidInput } from './errors.js'

/** Reads the wire `Tags` list (`[{Key, Value}]`) into store tags. */
export function readTags(value: unknown): Tag[] {
  if (!Array.isArray(value)) return []
  return value.map((tag: { Key?: unknown; Value?: unknown }) => ({
    key: String(tag.Key ?? ''),
    value: typeof tag.Value === 'string' ? tag.Value : '',
  }))
}

/** AWS: keys in one request must differ ignoring case. */
export function requireDistinctKeys(tags: readonly Tag[]): void {
  const keys = new Set(tags.map((tag) => tag.key.toLowerCase()))
  if (keys.size < tags.length)
    throw invalidInput('Duplicate tag keys found. Please note that Tag keys are case insensitive.')
}

/** Adds or overwrites tags; an existing key keeps its position, matched ignoring case, and takes the new case. */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const out = [...existing]
  for (const tag of added) {
    const index = out.findIndex((old) => old.key.toLowerCase() === tag.key.toLowerCase())
    if (index >= 0) out[index] = tag
    else out.push(tag)
  }
  return out
}

/** Removes the keys (matched ignoring case); missing keys are ignored. */
export function removeTags(existing: readonly Tag[], keys: readonly string[]): Tag[] {
  const drop = new Set(keys.map((key) => key.toLowerCase()))
  return existing.filter((tag) => !drop.has(tag.key.toLowerCase()))
}

/** `aws:RequestTag/<k>` for each tag and `aws:TagKeys` for a request that carries tags. */
export function requestTagContext(tags: readonly Tag[]): Record<string, ContextValue> {
  if (tags.length === 0) return {}
  const context: Record<string, ContextValue> = { 'aws:TagKeys': tags.map((tag) => tag.key) }
  for (const tag of tags) context[`aws:RequestTag/${tag.key}`] = tag.value
  return context
}

/** `aws:TagKeys` for an untag request. */
export function tagKeysContext(keys: readonly string[]): Record<string, ContextValue> {
  return keys.length === 0 ? {} : { 'aws:TagKeys': [...keys] }
}

/** `aws:ResourceTag/<k>` and `iam:ResourceTag/<k>` from the target's tags. */
export function resourceTagContext(tags: readonly Tag[]): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {}
  for (const tag of tags) {
    context[`aws:ResourceTag/${tag.key}`] = tag.value
    context[`iam:ResourceTag/${tag.key}`] = tag.value
  }
  return context
}
