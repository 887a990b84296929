import type { TagFilter } from '../../store/index.js'
import { invalidFilter } from './errors.js'
import { filterValueMatches } from './wildcard.js'

/**
 * Where a Describe filter finds its values in a resource's wire shape: a dotted member path that walks into
 * lists (`Attachments.VpcId`), or a function for values the shape does not hold as such.
 */
export type FilterField = string | ((item: Readonly<Record<string, unknown>>) => readonly unknown[])

/** The filters one Describe call accepts, by filter name. `tag:<key>`, `tag-key` and `tag-value` are implicit. */
export type FilterTable = Readonly<Record<string, FilterField>>

/** One `Filter.N` of a Describe request. */
export interface Ec2Filter {
  readonly Name?: string
  readonly Values?: readonly string[]
}

const TAG_FILTERS = new Set(['tag-key', 'tag-value'])

/** Throws InvalidParameterValue for a filter the table does not know. */
export function checkFilters(filters: readonly Ec2Filter[], table: FilterTable): void {
  for (const filter of filters) {
    const name = filter.Name ?? ''
    if (name.startsWith('tag:') || TAG_FILTERS.has(name) || Object.hasOwn(table, name)) continue
    throw invalidFilter(name)
  }
}

/** Whether `item` passes every filter: a filter matches when any of its values matches any value of the field. */
export function matchesFilters(
  item: Readonly<Record<string, unknown>>,
  filters: readonly Ec2Filter[],
  table: FilterTable,
): boolean {
  return filters.every((filter) => {
    const patterns = filter.Values ?? []
    const actual = filterValues(item, filter.Name ?? '', table)
    return patterns.some((pattern) => actual.some((value) => filterValueMatches(pattern, value)))
  })
}

/** The values a filter reads from `item`, as strings. */
export function filterValues(
  item: Readonly<Record<string, unknown>>,
  name: string,
  table: FilterTable,
): readonly string[] {
  const tags = (item.Tags ?? []) as readonly { Key: string; Value: string }[]
  if (name.startsWith('tag:')) {
    const key = name.slice(4)
    return tags.filter((t) => t.Key === key).map((t) => t.Value)
  }
  if (name === 'tag-key') return tags.map((t) => t.Key)
  if (name === 'tag-value') return tags.map((t) => t.Value)
  const field = table[name]
  if (field === undefined) return []
  const raw = typeof field === 'function' ? field(item) : valuesAt(item, field.split('.'))
  return raw.filter((v) => v !== undefined && v !== null).map(String)
}

/** The values at a member path, flattening lists on the way. */
function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => valuesAt(v, path))
  if (path.length === 0) return [value]
  if (value === null || typeof value !== 'object') return []
  return valuesAt((value as Record<string, unknown>)[path[0]!], path.slice(1))
}

/**
 * The tag filters the store can apply itself (`tag:<key>` and `tag-key` without wildcards), so a Describe call
 * reads only the tagged resources; `matchesFilters` still checks every filter afterwards.
 */
export function storeTagFilters(filters: readonly Ec2Filter[]): TagFilter[] {
  const literal = (value: string) => !/[*?\\]/.test(value)
  const out: TagFilter[] = []
  for (const filter of filters) {
    const name = filter.Name ?? ''
    const values = filter.Values ?? []
    if (name.startsWith('tag:') && values.length > 0 && values.every(literal))
      out.push({ key: name.slice(4), values })
    else if (name === 'tag-key' && values.length === 1 && literal(values[0]!))
      out.push({ key: values[0]!, values: [] })
  }
  return out
}
