import type { CloudResourceRecord, TagFilter } from '../../store/index.js'

/** A ResourceTagMapping. */
export const toMapping = (resource: CloudResourceRecord): Record<string, unknown> => ({
  ResourceARN: resource.arn,
  Tags: resource.tags.map((t) => ({ Key: t.key, Value: t.value })),
})

/** The model-read TagFilters as store tag filters: a key with no values matches any value. */
export const inputTagFilters = (input: Record<string, unknown>): TagFilter[] =>
  ((input.TagFilters as { Key?: string; Values?: string[] }[] | undefined) ?? []).map((f) => ({
    key: String(f.Key ?? ''),
    values: (f.Values ?? []).map(String),
  }))

/** The model-read ResourceARNList. */
export const inputArns = (input: Record<string, unknown>): string[] =>
  ((input.ResourceARNList as string[] | undefined) ?? []).map(String)
