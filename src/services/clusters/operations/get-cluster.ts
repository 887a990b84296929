import type { Operation } from '../../operation.js'
import { clusterPolicy, requireCluster } from '../clusters.js'
import { toClusterDocument } from '../mappers.js'

/** GET /clusters/{id}: one cluster, by OCM id or by name in the caller's account. */
export const getCluster: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    const cluster = await requireCluster(ctx, String(input.cluster_id))
    const policy = clusterPolicy(cluster)
    return [
      {
        action: 'clusters:GetCluster',
        resource: cluster.arn,
        resourceAccount: cluster.accountId,
        ...(policy ? { resourcePolicy: policy } : {}),
      },
    ]
  },
  async run(ctx, input) {
    return toClusterDocument(await requireCluster(ctx, String(input.cluster_id)))
  },
}
