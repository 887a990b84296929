import type { Tag } from '../../store/index.js'
import { invalidArgument, invalidTag } from './errors.js'

/** AWS: limits of S3 tag sets. */
const LIMITS = { object: 10, bucket: 50 } as const

/** Checks a tag set against S3's rules; throws AWS's error for the first problem. */
export function requireValidTags(tags: readonly Tag[], kind: 'object' | 'bucket'): void {
  if (tags.length > LIMITS[kind])
    throw kind === 'object'
      ? invalidTag('Object tags cannot be greater than 10')
      : invalidTag('Bucket tag count cannot be greater than 50')
  const seen = new Set<string>()
  for (const tag of tags) {
    if (tag.key.length === 0 || tag.key.length > 128)
      throw invalidTag('The TagKey you have provided is too long, max 128')
    if (tag.value.length > 256) throw invalidTag('The TagValue you have provided is too long, max 256')
    if (tag.key.startsWith('aws:')) throw invalidTag('System tags cannot be added/updated by requester')
    if (seen.has(tag.key)) throw invalidTag('Cannot provide multiple Tags with the same key')
    seen.add(tag.key)
  }
}

/** The tags of an `x-amz-tagging` header (URL-encoded query parameters); undefined when absent. */
export function tagsFromHeader(header: unknown): readonly Tag[] | undefined {
  if (typeof header !== 'string') return undefined
  const tags: Tag[] = []
  try {
    for (const [key, value] of new URLSearchParams(header)) tags.push({ key, value })
  } catch {
    throw invalidArgument(
      'The header x-amz-tagging shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates.',
    )
  }
  const keys = new Set(tags.map((tag) => tag.key))
  if (keys.size !== tags.length) throw invalidTag('Cannot provide multiple Tags with the same key')
  requireValidTags(tags, 'object')
  return tags
}

/** The tags of a `Tagging` input (`{ TagSet: [{ Key, Value }] }`). */
export function tagsFromTagging(tagging: unknown): readonly Tag[] {
  const set = (tagging as { TagSet?: { Key?: unknown; Value?: unknown }[] } | undefined)?.TagSet ?? []
  return set.map((tag) => ({ key: String(tag.Key ?? ''), value: String(tag.Value ?? '') }))
}

/** A tag set on the wire. */
export function tagSet(tags: readonly Tag[]): { Key: string; Value: string }[] {
  return tags.map((tag) => ({ Key: tag.key, Value: tag.value }))
}
