import { AwsError } from '../../../kernel/aws-error.js'
import type { Operation } from '../../operation.js'
import {
  CLUSTER_STATES,
  type ClusterAttributes,
  type ClusterState,
  clusterPolicy,
  MAX_LOG_LINES,
  requireCluster,
} from '../clusters.js'
import { toClusterDocument } from '../mappers.js'

/** PATCH /clusters/{id}/status: the installer reports a state, a description and install-log lines. */
export const updateClusterStatus: Operation = {
  async authorize(ctx, input) {
    const cluster = await requireCluster(ctx, String(input.cluster_id))
    const policy = clusterPolicy(cluster)
    return [
      {
        action: 'clusters:UpdateClusterStatus',
        resource: cluster.arn,
        resourceAccount: cluster.accountId,
        ...(policy ? { resourcePolicy: policy } : {}),
      },
    ]
  },
  async run(ctx, input) {
    const state = input.state as string | undefined
    if (state !== undefined && !(CLUSTER_STATES as readonly string[]).includes(state))
      throw new AwsError('CLUSTERS-MGMT-400', 400, `Unknown cluster state '${state}'`)
    const at = ctx.now.toISOString()
    const lines = ((input.log as string[] | undefined) ?? []).map((line) => ({ at, line }))
    for (let attempt = 0; ; attempt++) {
      const cluster = await requireCluster(ctx, String(input.cluster_id))
      const a = cluster.attributes
      const attributes: ClusterAttributes = {
        ...a,
        ...(state !== undefined ? { state: state as ClusterState } : {}),
        ...(input.description !== undefined ? { description: String(input.description) } : {}),
        installLog: [...a.installLog, ...lines].slice(-MAX_LOG_LINES),
      }
      try {
        const updated = await ctx.store.cloudResources.update<ClusterAttributes>(
          cluster.arn,
          { attributes, at: ctx.now },
          cluster.revision,
        )
        return toClusterDocument(updated ?? cluster)
      } catch (error) {
        if (attempt >= 5 || (error as Error).name !== 'StoreConflict') throw error
      }
    }
  },
}
