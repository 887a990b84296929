import type { AuditQuery } from '../../store/index.js'
import { invalidLookupAttributes, invalidMaxResults, invalidTimeRange } from './errors.js'

/** AWS: LookupEvents returns 50 events unless MaxResults asks for fewer. */
export const DEFAULT_MAX_RESULTS = 50

/** A lookup attribute the store cannot filter on; the operation filters the events it reads. */
export interface ResourceFilter {
  readonly key: 'ResourceType' | 'ResourceName'
  readonly value: string
}

/** A LookupEvents request turned into a store query and an optional resource filter. */
export interface LookupPlan {
  /** Every filter except paging; `accountId` is the caller's. */
  readonly query: Omit<AuditQuery, 'after' | 'limit'>
  readonly resource?: ResourceFilter
  readonly maxResults: number
  /** Identifies the parameters a NextToken was issued for. */
  readonly parameters: string
}

interface LookupAttribute {
  readonly AttributeKey: string
  readonly AttributeValue: string
}

/** Store filters by lookup attribute key. */
const STORE_FILTERS: Readonly<Record<string, (value: string) => Partial<AuditQuery>>> = {
  EventId: (value) => ({ eventId: value }),
  EventName: (value) => ({ eventName: value }),
  EventSource: (value) => ({ eventSource: value }),
  Username: (value) => ({ username: value }),
  AccessKeyId: (value) => ({ accessKeyId: value }),
  ReadOnly: (value) => {
    if (value !== 'true' && value !== 'false')
      throw invalidLookupAttributes('ReadOnly lookup attribute value must be true or false.')
    return { readOnly: value === 'true' }
  },
}

function attributeFilter(attribute: LookupAttribute): Pick<LookupPlan, 'query' | 'resource'> {
  const { AttributeKey: key, AttributeValue: value } = attribute
  if (value === '') throw invalidLookupAttributes('The lookup attribute value cannot be empty.')
  if (key === 'ResourceType' || key === 'ResourceName') return { query: {}, resource: { key, value } }
  const filter = STORE_FILTERS[key]
  if (filter === undefined) throw invalidLookupAttributes(`${key} is not a valid lookup attribute key.`)
  return { query: filter(value) }
}

/** Checks a LookupEvents input and plans its query; throws CloudTrail's errors for bad input. */
export function planLookup(input: Record<string, unknown>, accountId: string): LookupPlan {
  const attributes = (input.LookupAttributes ?? []) as readonly LookupAttribute[]
  // AWS: LookupEvents accepts at most one lookup attribute.
  if (attributes.length > 1)
    throw invalidLookupAttributes('You cannot specify more than one lookup attribute.')
  const start = input.StartTime as Date | undefined
  const end = input.EndTime as Date | undefined
  if (start !== undefined && end !== undefined && start.getTime() > end.getTime()) throw invalidTimeRange()
  const maxResults = (input.MaxResults as number | undefined) ?? DEFAULT_MAX_RESULTS
  if (maxResults < 1 || maxResults > DEFAULT_MAX_RESULTS) throw invalidMaxResults(maxResults)
  const filter = attributes[0] === undefined ? { query: {} } : attributeFilter(attributes[0])
  const query: Omit<AuditQuery, 'after' | 'limit'> = {
    accountId,
    order: 'newest',
    ...filter.query,
    ...(start !== undefined ? { from: start } : {}),
    // AWS: EndTime is inclusive; the store's upper bound is exclusive.
    ...(end !== undefined ? { to: new Date(end.getTime() + 1) } : {}),
  }
  const parameters = JSON.stringify([
    attributes[0]?.AttributeKey,
    attributes[0]?.AttributeValue,
    start?.getTime(),
    end?.getTime(),
    input.EventCategory,
  ])
  return { query, ...(filter.resource ? { resource: filter.resource } : {}), maxResults, parameters }
}
