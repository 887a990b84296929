import type { ContextValue } from '../../policy/index.js'
import type { Tag } from '../../store/index.js'
import { invalidInput, limitExceeded } from './errors.js'

/** AWS: at most 50 tags on one IAM resource. */
export const MAX_TAGS = 50

/** Reads the model-validated `Tags` member as store tags. */
export function inputTags(input: Record<string, unknown>): Tag[] {
  const list = Array.isArray(input.Tags) ? (input.Tags as { Key?: unknown; Value?: unknown }[]) : []
  return list.map((tag) => ({ key: String(tag.Key ?? ''), value: String(tag.Value ?? '') }))
}

/** Reads the model-validated `TagKeys` member. */
export function inputTagKeys(input: Record<string, unknown>): string[] {
  return Array.isArray(input.TagKeys) ? input.TagKeys.map(String) : []
}

/** Rejects a request whose tags repeat a key (ignoring case) or use the reserved `aws:` prefix. */
export function checkRequestTags(tags: readonly Tag[]): void {
  const seen = new Set<string>()
  for (const tag of tags) {
    const key = tag.key.toLowerCase()
    // AWS: unverified wording; the `aws:` prefix is reserved for AWS.
    if (key.startsWith('aws:')) throw invalidInput('User-defined tag keys cannot start with aws:.')
    if (seen.has(key))
      throw invalidInput('Duplicate tag keys found. Please note that Tag keys are case insensitive.')
    seen.add(key)
  }
}

/** `existing` with `added` merged in: a key already present (ignoring case) takes the new key and value. */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[], quota: string): Tag[] {
  checkRequestTags(added)
  const out = [...existing]
  for (const tag of added) {
    const at = out.findIndex((t) => t.key.toLowerCase() === tag.key.toLowerCase())
    if (at >= 0) out[at] = tag
    else out.push(tag)
  }
  // AWS: unverified wording of the quota error.
  if (out.length > MAX_TAGS) throw limitExceeded(`Cannot exceed quota for ${quota}: ${MAX_TAGS}`)
  return out
}

/** `existing` without the keys named (ignoring case); missing keys are ignored. */
export function removeTags(existing: readonly Tag[], keys: readonly string[]): Tag[] {
  const drop = new Set(keys.map((k) => k.toLowerCase()))
  return existing.filter((tag) => !drop.has(tag.key.toLowerCase()))
}

/** `aws:RequestTag/<key>` for each tag and `aws:TagKeys`, for calls that set tags; empty when there are none. */
export function requestTagContext(tags: readonly Tag[]): Record<string, ContextValue> {
  if (tags.length === 0) return {}
  const context: Record<string, ContextValue> = { 'aws:TagKeys': tags.map((t) => t.key) }
  for (const tag of tags) context[`aws:RequestTag/${tag.key}`] = tag.value
  return context
}

/** `aws:ResourceTag/<key>` (and `iam:ResourceTag/<key>` when `iamKeys`) for a target's tags. */
export function resourceTagContext(tags: readonly Tag[], iamKeys = false): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {}
  for (const tag of tags) {
    context[`aws:ResourceTag/${tag.key}`] = tag.value
    if (iamKeys) context[`iam:ResourceTag/${tag.key}`] = tag.value
  }
  return context
}
