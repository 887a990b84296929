import type { CloudResourceRecord, TagFilter } from '../../store/index.js'
import type { OperationContext } from '../operation.js'
import { matchesTypeFilter } from './arn-type.js'

/** What GetResources, GetTagKeys and GetTagValues look through: the caller's tagged resources in the region. */
export interface ScanQuery {
  readonly tags?: readonly TagFilter[]
  readonly typeFilters?: readonly string[]
}

/** Store pages one call reads at most before it answers a PaginationToken. */
const MAX_PAGES = 100

/**
 * Up to `limit` tagged resources matching the query, from the store cursor `after` on. Pages are sized to what is
 * still missing so every match of a page fits and the cursor after it is exact.
 */
export async function scanTagged(
  ctx: OperationContext,
  query: ScanQuery,
  limit: number,
  after: string | undefined,
): Promise<{ items: CloudResourceRecord[]; next?: string }> {
  const filters = query.typeFilters ?? []
  const services = [...new Set(filters.map((f) => f.split(':')[0]!))]
  const items: CloudResourceRecord[] = []
  let cursor = after
  for (let pages = 0; pages < MAX_PAGES && items.length < limit; pages++) {
    const page = await ctx.store.cloudResources.tagged({
      accountId: ctx.caller?.principal.account ?? '',
      region: ctx.region,
      ...(services.length > 0 ? { types: services } : {}),
      ...(query.tags !== undefined && query.tags.length > 0 ? { tags: query.tags } : {}),
      limit: limit - items.length,
      ...(cursor !== undefined ? { after: cursor } : {}),
    })
    // AWS: the Tagging API knows resources that carry tags.
    items.push(
      ...page.items.filter(
        (r) =>
          r.tags.length > 0 && (filters.length === 0 || filters.some((f) => matchesTypeFilter(r.arn, f))),
      ),
    )
    cursor = page.next
    if (cursor === undefined) break
  }
  return { items, ...(cursor !== undefined ? { next: cursor } : {}) }
}

/** Every matching tagged resource (GetTagKeys and GetTagValues read them all). */
export async function allTagged(ctx: OperationContext, query: ScanQuery): Promise<CloudResourceRecord[]> {
  const out: CloudResourceRecord[] = []
  let after: string | undefined
  do {
    const page = await scanTagged(ctx, query, 1000, after)
    out.push(...page.items)
    after = page.next
  } while (after !== undefined)
  return out
}
