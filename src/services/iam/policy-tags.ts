import type { ContextValue } from '../../policy/index.js'
import type { Tag } from '../../store/index.js'
import { invalidInput, limitExceeded } from './errors.js'

/** AWS: at most 50 tags on a managed policy. */
const MAX_POLICY_TAGS = 50

/** Reads the model-validated `Tags` member (`[{Key, Value}]`). */
export function inputPolicyTags(input: Record<string, unknown>): Tag[] {
  const list = Array.isArray(input.Tags) ? (input.Tags as { Key?: unknown; Value?: unknown }[]) : []
  return list.map((tag) => ({
    key: String(tag.Key ?? ''),
    value: typeof tag.Value === 'string' ? tag.Value : '',
  }))
}

/** `existing` with `added` merged in (keys matched ignoring case take the new key and value), within the quota. */
export function mergePolicyTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const keys = new Set(added.map((tag) => tag.key.toLowerCase()))
  if (keys.size < added.length)
    throw invalidInput('Duplicate tag keys found. Please note that Tag keys are case insensitive.')
  const out = [...existing]
  for (const tag of added) {
    const at = out.findIndex((old) => old.key.toLowerCase() === tag.key.toLowerCase())
    if (at >= 0) out[at] = tag
    else out.push(tag)
  }
  if (out.length > MAX_POLICY_TAGS)
    throw limitExceeded(`Cannot exceed quota for TagsPerPolicy: ${MAX_POLICY_TAGS}`)
  return out
}

/** `existing` without the keys named (ignoring case); missing keys are ignored. */
export function removePolicyTags(existing: readonly Tag[], keys: readonly string[]): Tag[] {
  const drop = new Set(keys.map((key) => key.toLowerCase()))
  return existing.filter((tag) => !drop.has(tag.key.toLowerCase()))
}

/** `aws:RequestTag/<k>` and `aws:TagKeys` for a call that sets tags. */
export function policyRequestTagContext(tags: readonly Tag[]): Record<string, ContextValue> {
  if (tags.length === 0) return {}
  const context: Record<string, ContextValue> = { 'aws:TagKeys': tags.map((tag) => tag.key) }
  for (const tag of tags) context[`aws:RequestTag/${tag.key}`] = tag.value
  return context
}
