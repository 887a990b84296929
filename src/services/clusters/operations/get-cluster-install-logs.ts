import type { Operation } from '../../operation.js'
import { authorizeOnCluster } from '../authz.js'
import { requireCluster } from '../clusters.js'

/** GET /clusters/{id}/logs/install[?offset=N]: the install log as OCM's Log document, from line `offset`. */
export const getClusterInstallLogs: Operation = {
  readOnly: true,
  authorize: authorizeOnCluster('clusters:GetClusterInstallLogs'),
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
