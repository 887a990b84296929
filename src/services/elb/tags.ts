import type { Tag } from '../../store/index.js'
import { duplicateTagKeys, tooManyTags } from './errors.js'

/** AWS: a load balancer, target group or listener carries at most 50 tags. */
const MAX_TAGS = 50

/** The model-validated `Tags` member as store tags (a tag without a value has the empty value). */
export function inputTags(input: Record<string, unknown>): Tag[] {
  const tags = Array.isArray(input.Tags) ? (input.Tags as { Key?: string; Value?: string }[]) : []
  const seen = new Set<string>()
  return tags.map((tag) => {
    const key = String(tag.Key ?? '')
    if (seen.has(key)) throw duplicateTagKeys(key)
    seen.add(key)
    return { key, value: tag.Value ?? '' }
  })
}

/** `tags` with `added` set over them (same key: the new value); TooManyTags past the limit. */
export function mergeTags(tags: readonly Tag[], added: readonly Tag[]): Tag[] {
  const merged = new Map(tags.map((tag) => [tag.key, tag.value]))
  for (const tag of added) merged.set(tag.key, tag.value)
  if (merged.size > MAX_TAGS) throw tooManyTags()
  return [...merged].map(([key, value]) => ({ key, value }))
}

/** `tags` without the `keys`. */
export const withoutTags = (tags: readonly Tag[], keys: readonly string[]): Tag[] =>
  tags.filter((tag) => !keys.includes(tag.key))

/** Tags as the wire's `[{Key, Value}]`. */
export const tagShapes = (tags: readonly Tag[]): { Key: string; Value: string }[] =>
  tags.map((tag) => ({ Key: tag.key, Value: tag.value }))

/** Checks the tag count of a new resource. */
export function checkTagCount(tags: readonly Tag[]): void {
  if (tags.length > MAX_TAGS) throw tooManyTags()
}
