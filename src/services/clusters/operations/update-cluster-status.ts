import { AwsError } from '../../../kernel/aws-error.js'
import type { Operation, OperationContext } from '../../operation.js'
import {
  CLUSTER_STATES,
  type ClusterAttributes,
  type ClusterRecord,
  type ClusterState,
  clusterIdArn,
  clusterPolicy,
  MAX_LOG_LINES,
  requireCluster,
} from '../clusters.js'
import { toClusterDocument } from '../mappers.js'

/** An uninstalled cluster leaves the service: both of its rows go; the answer is its last document. */
async function removeCluster(
  ctx: OperationContext,
  cluster: ClusterRecord,
): Promise<Record<string, unknown>> {
  // OCM: a cluster is removed only after its uninstall; an install cannot be declared uninstalled.
  if (cluster.attributes.state !== 'uninstalling')
    throw new AwsError('CLUSTERS-MGMT-400', 400, `Cluster '${cluster.id}' is not uninstalling`)
  await ctx.store.transaction(async (tx) => {
    await tx.cloudResources.delete(clusterIdArn(cluster.attributes.ocmId))
    await tx.cloudResources.delete(cluster.arn)
  })
  return toClusterDocument({ ...cluster, attributes: { ...cluster.attributes, state: 'uninstalled' } })
}

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
      if (state === 'uninstalled') return removeCluster(ctx, cluster)
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
