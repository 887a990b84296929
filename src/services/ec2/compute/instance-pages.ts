import type { OperationContext } from '../../operation.js'
import { accountOf } from '../authz.js'
import { paginate } from '../pagination.js'
import { type InstanceRecord, stateAt } from './instance-shape.js'
import { isExpired } from './instance-state.js'
import type { InstanceAttributes } from './records.js'

/** The id a NextToken continues after, in the framework's token form (base64url JSON `{ v: 1, after }`). */
function tokenAfter(token: unknown): string | undefined {
  if (typeof token !== 'string' || token === '') return undefined
  const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { after: string }
  return value.after
}

const tokenFor = (after: string): string =>
  Buffer.from(JSON.stringify({ v: 1, after }), 'utf8').toString('base64url')

/**
 * One page of the caller's instances read from the store a page at a time (no filter, no ids, MaxResults
 * given): the store's id cursor does the paging, so a page of 100 reads about 100 rows, not every instance.
 */
export async function instancePage(
  ctx: OperationContext,
  input: Record<string, unknown>,
): Promise<{ items: InstanceRecord[]; nextToken?: string }> {
  // The framework's checks of MaxResults and NextToken, with their errors.
  paginate([], (item: string) => item, input)
  const max = Number(input.MaxResults)
  const items: InstanceRecord[] = []
  let after = tokenAfter(input.NextToken)
  let more = true
  while (items.length < max && more) {
    const page = await ctx.store.cloudResources.list<InstanceAttributes>({
      accountId: accountOf(ctx),
      service: 'ec2',
      type: 'instance',
      region: ctx.region,
      limit: max - items.length,
      ...(after !== undefined ? { after } : {}),
    })
    items.push(...page.items.filter((r) => !isExpired(stateAt(r, ctx.now), ctx.now.getTime())))
    after = page.next
    more = page.next !== undefined
  }
  const last = items[items.length - 1]
  return { items, ...(more && last !== undefined ? { nextToken: tokenFor(last.id) } : {}) }
}
