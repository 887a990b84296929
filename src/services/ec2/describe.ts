import type { OperationContext } from '../operation.js'
import { invalidParameterCombination, notFound } from './errors.js'
import { checkFilters, type Ec2Filter, type FilterTable, matchesFilters, storeTagFilters } from './filters.js'
import { DEFAULT_PAGE_BOUNDS, type Ec2Page, type PageBounds, paginate } from './pagination.js'
import { checkId, type Ec2Record, idsAndTags, listResources } from './resource-store.js'
import { toWireTags } from './tags.js'

/** How one Describe call reads its resources. */
export interface DescribeSpec {
  /** The store type. */
  readonly type: string
  /** The input member holding ids (`VpcIds`), if the call takes ids. */
  readonly idsMember?: string
  /** The wire name of that member for the MaxResults combination error (`vpcIds`). */
  readonly idsParameter?: string
  readonly filters: FilterTable
  /** The input member holding the filters: `Filters`, or `Filter` (DescribeNatGateways). */
  readonly filtersMember?: string
  readonly bounds?: PageBounds
  /** The wire shape of a record; tags are added as `Tags`. */
  readonly shape?: (record: Ec2Record, now: Date) => Record<string, unknown>
}

/** The wire shape of a record: its attributes with its tags as `Tags`. */
export function wireShape(record: Ec2Record<object>): Record<string, unknown> {
  return Object.assign({}, record.attributes, { Tags: toWireTags(record.tags) })
}

/**
 * Runs a Describe call: the ids (Malformed/NotFound as AWS answers them), the filters, then one page of the
 * wire shapes ordered by id.
 */
export async function describe(
  ctx: OperationContext,
  input: Record<string, unknown>,
  spec: DescribeSpec,
): Promise<Ec2Page<Record<string, unknown>>> {
  const ids = spec.idsMember === undefined ? [] : ((input[spec.idsMember] ?? []) as string[])
  const filters = (input[spec.filtersMember ?? 'Filters'] ?? []) as Ec2Filter[]
  checkFilters(filters, spec.filters)
  if (ids.length > 0 && input.MaxResults !== undefined)
    throw invalidParameterCombination(
      `The parameter ${spec.idsParameter ?? spec.idsMember} cannot be used with the parameter maxResults`,
    )
  for (const id of ids) checkId(spec.type, id)
  // With ids, every id must be read (an unknown one is an error), so the tags are only checked afterwards.
  const tags = ids.length > 0 ? [] : storeTagFilters(filters)
  const records = await listResources(ctx, spec.type, idsAndTags(ids, tags))
  if (ids.length > 0) {
    const missing = [...new Set(ids)].filter((id) => !records.some((r) => r.id === id))
    if (missing.length > 0) throw notFound(spec.type, missing)
  }
  const shape = spec.shape ?? wireShape
  const items = records
    .map((record) => ({ id: record.id, wire: shape(record, ctx.now) }))
    .filter((item) => matchesFilters(item.wire, filters, spec.filters))
  const page = paginate(items, (item) => item.id, input, spec.bounds ?? DEFAULT_PAGE_BOUNDS)
  return {
    items: page.items.map((item) => item.wire),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  }
}
