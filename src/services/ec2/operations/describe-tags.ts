import type { Operation } from '../../operation.js'
import { accountOf, onAnyResource } from '../authz.js'
import { checkFilters, type Ec2Filter, type FilterTable, matchesFilters } from '../filters.js'
import { paginate } from '../pagination.js'

/** The filters DescribeTags takes, over a TagDescription. */
const FILTERS: FilterTable = {
  key: 'Key',
  value: 'Value',
  'resource-id': 'ResourceId',
  'resource-type': 'ResourceType',
}

/** EC2 DescribeTags: every tag of the account's EC2 resources in the region, one TagDescription per tag. */
export const describeTags: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeTags')]
  },
  async run(ctx, input) {
    const filters = (input.Filters ?? []) as Ec2Filter[]
    checkFilters(filters, FILTERS)
    const items: { sort: string; wire: Record<string, string> }[] = []
    let after: string | undefined
    do {
      const page = await ctx.store.cloudResources.tagged({
        accountId: accountOf(ctx),
        region: ctx.region,
        types: ['ec2'],
        limit: 1000,
        ...(after === undefined ? {} : { after }),
      })
      for (const record of page.items) {
        for (const tag of record.tags) {
          const wire = { ResourceId: record.id, ResourceType: record.type, Key: tag.key, Value: tag.value }
          if (matchesFilters(wire, filters, FILTERS))
            items.push({ sort: `${record.id}\u0000${tag.key}`, wire })
        }
      }
      after = page.next
    } while (after !== undefined)
    items.sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0))
    const page = paginate(items, (item) => item.sort, input)
    return {
      Tags: page.items.map((item) => item.wire),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    }
  },
}
