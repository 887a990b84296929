import { AwsError } from '../../kernel/aws-error.js'
import type { Page, PageRequest } from '../../store/index.js'

/** AWS: IAM's MaxItems default. */
const DEFAULT_MAX_ITEMS = 100

/** Reads `Marker` and `MaxItems` (1–1000, default 100) as a store page request. */
export function pageRequest(input: Record<string, unknown>): PageRequest {
  const limit = typeof input.MaxItems === 'number' ? input.MaxItems : DEFAULT_MAX_ITEMS
  const marker = input.Marker
  if (marker !== undefined && (typeof marker !== 'string' || marker.length === 0)) {
    throw new AwsError('InvalidInput', 400, 'Invalid Marker.')
  }
  return { limit, ...(typeof marker === 'string' ? { after: marker } : {}) }
}

/** `pageRequest` with the `PathPrefix` filter of the List calls that take one. */
export function pathPageRequest(
  input: Record<string, unknown>,
): PageRequest & { readonly pathPrefix?: string } {
  const request = pageRequest(input)
  return typeof input.PathPrefix === 'string'
    ? Object.assign({}, request, { pathPrefix: input.PathPrefix })
    : request
}

/** The list member, `IsTruncated` and `Marker` of a paginated IAM response. */
export function pageOutput<T>(
  member: string,
  page: Page<T>,
  shape: (item: T) => unknown,
): Record<string, unknown> {
  return {
    [member]: page.items.map(shape),
    IsTruncated: page.next !== undefined,
    ...(page.next !== undefined ? { Marker: page.next } : {}),
  }
}

/** Pages an in-memory list the same way (for lists the store returns whole). */
export function pageOf<T>(items: readonly T[], request: PageRequest): Page<T> {
  const start = request.after === undefined ? 0 : Number.parseInt(request.after, 10)
  if (!Number.isInteger(start) || start < 0 || start > items.length)
    throw new AwsError('InvalidInput', 400, 'Invalid Marker.')
  const end = start + request.limit
  return { items: items.slice(start, end), ...(end < items.length ? { next: String(end) } : {}) }
}
