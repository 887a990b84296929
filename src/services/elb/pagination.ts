import type { PageRequest } from '../../store/index.js'

/** AWS: Elastic Load Balancing's PageSize default (the model caps it at 400). */
const DEFAULT_PAGE_SIZE = 400

/** Reads `Marker` and `PageSize` as a store page request. */
export function pageRequest(input: Record<string, unknown>): PageRequest {
  const limit = typeof input.PageSize === 'number' ? input.PageSize : DEFAULT_PAGE_SIZE
  return {
    limit,
    ...(typeof input.Marker === 'string' && input.Marker !== '' ? { after: input.Marker } : {}),
  }
}

/** `NextMarker` when there is a next page. */
export const nextMarker = (next: string | undefined): { NextMarker?: string } =>
  next === undefined ? {} : { NextMarker: next }

/** Pages a list already in memory (by index), for lists the store cannot filter. */
export function pageOf<T>(items: readonly T[], request: PageRequest): { items: T[]; next?: string } {
  const parsed = request.after === undefined ? 0 : Number.parseInt(request.after, 10)
  const start = Number.isInteger(parsed) && parsed > 0 ? Math.min(parsed, items.length) : 0
  const end = start + request.limit
  return { items: items.slice(start, end), ...(end < items.length ? { next: String(end) } : {}) }
}
