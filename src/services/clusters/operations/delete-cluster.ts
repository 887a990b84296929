import type { Operation } from '../../operation.js'
import { authorizeOnCluster } from '../authz.js'
import { type ClusterAttributes, requireCluster } from '../clusters.js'
import { toClusterDocument } from '../mappers.js'

/**
 * DELETE /clusters/{id}: starts the uninstall (state `uninstalling`, 202). The provider's uninstaller removes
 * what is tagged for the cluster, then reports `uninstalled`, which removes the cluster.
 */
export const deleteCluster: Operation = {
  authorize: authorizeOnCluster('clusters:DeleteCluster'),
  async run(ctx, input) {
    const cluster = await requireCluster(ctx, String(input.cluster_id))
    const line = { at: ctx.now.toISOString(), line: 'uninstall requested' }
    const attributes: ClusterAttributes = Object.assign({}, cluster.attributes, {
      state: 'uninstalling' as const,
      description: 'Waiting for the uninstaller',
      installLog: [...cluster.attributes.installLog, line],
    })
    const updated = await ctx.store.cloudResources.update<ClusterAttributes>(
      cluster.arn,
      { attributes, at: ctx.now },
      cluster.revision,
    )
    return toClusterDocument(updated ?? cluster)
  },
}
