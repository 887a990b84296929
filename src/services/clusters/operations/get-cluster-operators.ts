import type { Operation } from '../../operation.js'
import { authorizeOnCluster } from '../authz.js'
import { requireCluster } from '../clusters.js'

/**
 * GET /clusters/{id}/metric_queries/cluster_operators: OCM's ClusterOperatorsInfo — each operator's last
 * reported condition (`available`, `degraded`, `failing`, `upgrading`), its reason and when it was reported.
 */
export const getClusterOperators: Operation = {
  readOnly: true,
  authorize: authorizeOnCluster('clusters:GetClusterOperators'),
  async run(ctx, input) {
    const cluster = await requireCluster(ctx, String(input.cluster_id))
    const operators = Object.entries(cluster.attributes.operators ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, c]) => ({
        name,
        condition: c.condition,
        reason: c.reason,
        time: c.at,
        version: cluster.attributes.version,
      }))
    return {
      kind: 'ClusterOperatorsInfo',
      id: cluster.attributes.ocmId,
      href: `/api/clusters_mgmt/v1/clusters/${cluster.attributes.ocmId}/metric_queries/cluster_operators`,
      operators,
    }
  },
}
