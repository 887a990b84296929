import { AwsError } from '../../../kernel/aws-error.js'
import type { Operation, OperationContext } from '../../operation.js'
import { authorizeOnCluster } from '../authz.js'
import {
  CLUSTER_STATES,
  type ClusterAttributes,
  type ClusterRecord,
  type ClusterState,
  clusterIdArn,
  MAX_LOG_LINES,
  OPERATOR_CONDITIONS,
  type OperatorConditionRecord,
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
  const attributes: ClusterAttributes = Object.assign({}, cluster.attributes, {
    state: 'uninstalled' as const,
  })
  return toClusterDocument(Object.assign({}, cluster, { attributes }))
}

type ReportedCondition = { name: string; condition: string; reason?: string }

/** Validates reported operator conditions and keys them by operator name. */
function operatorConditions(
  reported: readonly ReportedCondition[],
  at: string,
): Record<string, OperatorConditionRecord> {
  const out: Record<string, OperatorConditionRecord> = {}
  for (const r of reported) {
    if (!(OPERATOR_CONDITIONS as readonly string[]).includes(r.condition))
      throw new AwsError('CLUSTERS-MGMT-400', 400, `Unknown operator condition '${r.condition}'`)
    out[r.name] = {
      condition: r.condition as OperatorConditionRecord['condition'],
      reason: r.reason ?? '',
      at,
    }
  }
  return out
}

/**
 * PATCH /clusters/{id}/status: the installer reports a state, a description and install-log lines; the cluster's
 * operators report their conditions.
 */
export const updateClusterStatus: Operation = {
  authorize: authorizeOnCluster('clusters:UpdateClusterStatus'),
  async run(ctx, input) {
    const state = input.state as string | undefined
    if (state !== undefined && !(CLUSTER_STATES as readonly string[]).includes(state))
      throw new AwsError('CLUSTERS-MGMT-400', 400, `Unknown cluster state '${state}'`)
    const at = ctx.now.toISOString()
    const lines = ((input.log as string[] | undefined) ?? []).map((line) => ({ at, line }))
    const conditions = operatorConditions((input.operators as ReportedCondition[] | undefined) ?? [], at)
    for (let attempt = 0; ; attempt++) {
      const cluster = await requireCluster(ctx, String(input.cluster_id))
      const a = cluster.attributes
      if (state === 'uninstalled') return removeCluster(ctx, cluster)
      // The stored attributes' own keys are the service's; later sources override them in place.
      const attributes: ClusterAttributes = Object.assign({}, a, {
        installLog: [...a.installLog, ...lines].slice(-MAX_LOG_LINES),
        ...(state !== undefined ? { state: state as ClusterState } : {}),
        ...(input.description !== undefined ? { description: String(input.description) } : {}),
        ...(Object.keys(conditions).length > 0
          ? {
              operators: Object.fromEntries([
                ...Object.entries(a.operators ?? {}),
                ...Object.entries(conditions),
              ]),
            }
          : {}),
      })
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
