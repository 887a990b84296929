import type { AuditEventRecord, Page } from '../../../store/index.js'
import type { Operation, OperationContext } from '../../operation.js'
import { type LookupPlan, planLookup } from '../lookup-query.js'
import { toEventShape } from '../mappers.js'
import { decodeNextToken, encodeNextToken } from '../next-token.js'
import { eventResources, namesResource } from '../resources.js'

/** Store pages one call may read while filtering by resource; past it the call answers a NextToken. */
const MAX_SCANNED_PAGES = 100

/**
 * Reads events that name the filtered resource: pages sized to what is still missing, so every match of a
 * page fits and the store's cursor after the page is exact.
 */
async function scanForResource(
  ctx: OperationContext,
  plan: LookupPlan,
  after: string | undefined,
): Promise<Page<AuditEventRecord>> {
  const { key, value } = plan.resource!
  const items: AuditEventRecord[] = []
  let cursor = after
  for (let pages = 0; pages < MAX_SCANNED_PAGES; pages++) {
    const limit = plan.maxResults - items.length
    const page = await ctx.store.audit.query({ limit, ...plan.query, ...(cursor ? { after: cursor } : {}) })
    items.push(...page.items.filter((event) => namesResource(eventResources(event.event), key, value)))
    cursor = page.next
    if (cursor === undefined || items.length === plan.maxResults) break
  }
  return { items, ...(cursor ? { next: cursor } : {}) }
}

/** CloudTrail LookupEvents: the caller's account's events, newest first, filtered by one lookup attribute. */
export const lookupEvents: Operation = {
  readOnly: true,
  async authorize() {
    return [{ action: 'cloudtrail:LookupEvents', resource: '*' }]
  },
  async run(ctx, input) {
    const plan = planLookup(input, ctx.caller!.principal.account)
    const token = input.NextToken as string | undefined
    const after = token === undefined ? undefined : decodeNextToken(token, plan.parameters)
    // AWS: Insights events exist only for trails with Insights enabled; Lanyard records none.
    if (input.EventCategory === 'insight') return { Events: [] }
    const page = plan.resource
      ? await scanForResource(ctx, plan, after)
      : await ctx.store.audit.query({ limit: plan.maxResults, ...plan.query, ...(after ? { after } : {}) })
    return {
      Events: page.items.map(toEventShape),
      ...(page.next ? { NextToken: encodeNextToken(page.next, plan.parameters) } : {}),
    }
  },
}
