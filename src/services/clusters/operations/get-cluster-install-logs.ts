import type { Operation } from '../../operation.js'
import { clusterPolicy, requireCluster } from '../clusters.js'

/** GET /clusters/{id}/logs/install[?offset=N]: the install log as OCM's Log document, from line `offset`. */
export const getClusterInstallLogs: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    const cluster = await requireCluster(ctx, String(input.cluster_id))
    const policy = clusterPolicy(cluster)
    return [
      {
        action: 'clusters:GetClusterInstallLogs',
        resource: cluster.arn,
        resourceAccount: cluster.accountId,
        ...(policy ? { resourcePolicy: policy } : {}),
      },
    ]
  },
  async run(ctx, input) {
    const cluster = await requireCluster(ctx, String(input.cluster_id))
    const offset = Math.max(0, (input.offset as number | undefined) ?? 0)
    const lines = cluster.attributes.installLog.slice(offset)
    return {
      kind: 'Log',
      id: 'install',
      href: `/api/clusters_mgmt/v1/clusters/${cluster.attributes.ocmId}/logs/install`,
      state: cluster.attributes.state,
      offset,
      next_offset: offset + lines.length,
      content: lines.map((l) => `${l.at} ${l.line}`).join('\n'),
    }
  },
}
