import type { ContextValue } from '../../policy/index.js'
import type { Tag } from '../../store/index.js'

/** Reads the model-validated `Tags` member as store tags. */
export function inputTags(input: Record<string, unknown>): Tag[] {
  const list = Array.isArray(input.Tags) ? (input.Tags as { Key?: unknown; Value?: unknown }[]) : []
  return list.map((tag) => ({ key: String(tag.Key ?? ''), value: String(tag.Value ?? '') }))
}

/** `existing` with `added` merged in; Secrets Manager tag keys are case-sensitive. */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const out = [...existing]
  for (const tag of added) {
    const at = out.findIndex((t) => t.key === tag.key)
    if (at >= 0) out[at] = tag
    else out.push(tag)
  }
  return out
}

/** `aws:RequestTag/<key>` for each tag and `aws:TagKeys`; empty when there are none. */
export function requestTagContext(tags: readonly Tag[]): Record<string, ContextValue> {
  if (tags.length === 0) return {}
  const context: Record<string, ContextValue> = { 'aws:TagKeys': tags.map((t) => t.key) }
  for (const tag of tags) context[`aws:RequestTag/${tag.key}`] = tag.value
  return context
}

/** `aws:ResourceTag/<key>` and `<service>:ResourceTag/<key>` for a resource's tags. */
export function resourceTagContext(tags: readonly Tag[], service: string): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {}
  for (const tag of tags) {
    context[`aws:ResourceTag/${tag.key}`] = tag.value
    context[`${service}:ResourceTag/${tag.key}`] = tag.value
  }
  return context
}

/** Tags in the wire shape. */
export const tagShapes = (tags: readonly Tag[]): { Key: string; Value: string }[] =>
  tags.map((tag) => ({ Key: tag.key, Value: tag.value }))
