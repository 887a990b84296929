import type { Tag } from '../../store/index.js'
import { invalidParameterValue } from './errors.js'

/** A tag as EC2 writes it on the wire. */
export interface WireTag {
  readonly Key: string
  readonly Value: string
}

/** One `TagSpecification.N` of a create call. */
export interface TagSpecification {
  readonly ResourceType?: string
  readonly Tags?: readonly { readonly Key?: string; readonly Value?: string }[]
}

/** AWS: at most 50 tags on one resource. */
export const MAX_TAGS = 50

/** Store tags as the wire's `Tags`/`tagSet`. */
export function toWireTags(tags: readonly Tag[]): WireTag[] {
  return tags.map((t) => ({ Key: t.key, Value: t.value }))
}

/** The tags of a request's `Tags` member, checked: EC2 reserves the `aws:` prefix and bounds the lengths. */
export function requestTags(tags: TagSpecification['Tags']): Tag[] {
  const out: Tag[] = []
  for (const tag of tags ?? []) {
    const key = tag.Key ?? ''
    const value = tag.Value ?? ''
    if (key.toLowerCase().startsWith('aws:'))
      throw invalidParameterValue("Tag keys starting with 'aws:' are reserved for internal use")
    if (key.length === 0 || key.length > 128)
      throw invalidParameterValue('Tag key must be between 1 and 128 characters long')
    if (value.length > 256)
      throw invalidParameterValue('Tag value exceeds the maximum length of 256 characters')
    const at = out.findIndex((t) => t.key === key)
    if (at >= 0) out[at] = { key, value }
    else out.push({ key, value })
  }
  return out
}

/**
 * The tags a create call puts on its new resource from `TagSpecifications`. AWS: a specification for a type
 * the call does not create is rejected.
 */
export function tagsOnCreate(input: Record<string, unknown>, tagTypes: readonly string[]): Tag[] {
  const specs = (input.TagSpecifications ?? []) as readonly TagSpecification[]
  const tags: Tag[] = []
  for (const spec of specs) {
    const type = spec.ResourceType ?? ''
    if (!tagTypes.includes(type))
      throw invalidParameterValue(`'${type}' is not a valid taggable resource type for this operation.`)
    tags.push(...requestTags(spec.Tags))
  }
  return requestTags(tags.map((t) => ({ Key: t.key, Value: t.value })))
}

/** `aws:RequestTag/<key>` for every tag and `aws:TagKeys`, as a request that sets tags carries them. */
export function requestTagContext(tags: readonly Tag[]): Record<string, string | readonly string[]> {
  if (tags.length === 0) return {}
  const context: Record<string, string | readonly string[]> = { 'aws:TagKeys': tags.map((t) => t.key) }
  for (const tag of tags) context[`aws:RequestTag/${tag.key}`] = tag.value
  return context
}

/** `aws:ResourceTag/<key>` and `ec2:ResourceTag/<key>` for the tags a resource already has. */
export function resourceTagContext(tags: readonly Tag[]): Record<string, string> {
  const context: Record<string, string> = {}
  for (const tag of tags) {
    context[`aws:ResourceTag/${tag.key}`] = tag.value
    context[`ec2:ResourceTag/${tag.key}`] = tag.value
  }
  return context
}

/** `current` with `added` set (a key already there takes the new value). */
export function withTags(current: readonly Tag[], added: readonly Tag[]): Tag[] {
  const out = current.filter((t) => !added.some((a) => a.key === t.key))
  return [...out, ...added]
}
