import { invalidNextToken, invalidParameterValue } from './errors.js'

/** The MaxResults range one Describe call accepts. */
export interface PageBounds {
  readonly min: number
  readonly max: number
}

/** AWS: most Describe calls take MaxResults from 5 to 1000. */
export const DEFAULT_PAGE_BOUNDS: PageBounds = { min: 5, max: 1000 }

/** One page of a Describe answer. */
export interface Ec2Page<T> {
  readonly items: readonly T[]
  readonly nextToken?: string
}

/**
 * Pages `items` (already sorted by `key`) after the NextToken's key. Without MaxResults every item comes back
 * in one answer, as EC2 does.
 */
export function paginate<T>(
  items: readonly T[],
  key: (item: T) => string,
  input: { readonly MaxResults?: unknown; readonly NextToken?: unknown },
  bounds: PageBounds = DEFAULT_PAGE_BOUNDS,
): Ec2Page<T> {
  const max = input.MaxResults === undefined ? undefined : Number(input.MaxResults)
  if (max !== undefined && (max < bounds.min || max > bounds.max)) {
    throw invalidParameterValue(
      `Value ( ${max} ) for parameter maxResults is invalid. Expecting a value ${max < bounds.min ? `greater than ${bounds.min - 1}` : `less than ${bounds.max + 1}`}.`,
    )
  }
  let start = 0
  if (typeof input.NextToken === 'string' && input.NextToken !== '') {
    const after = decodeToken(input.NextToken)
    start = items.findIndex((item) => key(item) > after)
    if (start < 0) start = items.length
  }
  if (max === undefined) return { items: items.slice(start) }
  const page = items.slice(start, start + max)
  const more = start + max < items.length
  return more ? { items: page, nextToken: encodeToken(key(page[page.length - 1]!)) } : { items: page }
}

function encodeToken(after: string): string {
  return Buffer.from(JSON.stringify({ v: 1, after }), 'utf8').toString('base64url')
}

function decodeToken(token: string): string {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      v?: unknown
      after?: unknown
    }
    if (value.v === 1 && typeof value.after === 'string') return value.after
  } catch {
    // falls through to the error
  }
  throw invalidNextToken()
}
