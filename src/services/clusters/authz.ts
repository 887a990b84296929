import type { Operation } from '../operation.js'
import { clusterPolicy, requireCluster } from './clusters.js'

/**
 * The authorize step of an operation on one cluster (`cluster_id`, OCM id or name; 404 when unknown): `action` on
 * the cluster's ARN in its owner's account, with the cluster's resource policy when it has one.
 */
export function authorizeOnCluster(action: string): Operation['authorize'] {
  return async (ctx, input) => {
    const cluster = await requireCluster(ctx, String(input.cluster_id))
    const policy = clusterPolicy(cluster)
    return [
      {
        action,
        resource: cluster.arn,
        resourceAccount: cluster.accountId,
        ...(policy ? { resourcePolicy: policy } : {}),
      },
    ]
  }
}
