import type { Operation } from '../../operation.js'
import type { ClusterAttributes } from '../clusters.js'
import { toClusterDocument } from '../mappers.js'

/** GET /clusters: the caller's account's clusters in the request's region, as an OCM ClusterList. */
export const listClusters: Operation = {
  readOnly: true,
  async authorize() {
    return [{ action: 'clusters:ListClusters', resource: '*' }]
  },
  async run(ctx) {
    const items = []
    let after: string | undefined
    do {
      const page = await ctx.store.cloudResources.list<ClusterAttributes>({
        accountId: ctx.caller!.principal.account,
        region: ctx.region,
        service: 'clusters',
        type: 'cluster',
        limit: 100,
        ...(after ? { after } : {}),
      })
      items.push(...page.items.map(toClusterDocument))
      after = page.next
    } while (after !== undefined)
    return { kind: 'ClusterList', page: 1, size: items.length, total: items.length, items }
  },
}
