import { AwsError } from '../../../kernel/aws-error.js'
import type { Operation } from '../../operation.js'
import { authorizeOnCluster } from '../authz.js'
import { type ClusterAttributes, requireCluster } from '../clusters.js'
import { toClusterDocument } from '../mappers.js'

const badRequest = (message: string): AwsError => new AwsError('CLUSTERS-MGMT-400', 400, message)

/** OCM's compute-node rules: at least 2 (3 across zones), and a multiple of 3 for a multi-AZ cluster. */
export function checkComputeNodes(compute: number, multiAz: boolean): void {
  if (!Number.isInteger(compute)) throw badRequest(`Compute nodes '${compute}' is not an integer`)
  const minimum = multiAz ? 3 : 2
  if (compute < minimum)
    throw badRequest(`The number of compute nodes needs to be at least ${minimum}, got ${compute}`)
  if (multiAz && compute % 3 !== 0)
    throw badRequest(`Multi-AZ clusters need a multiple of 3 compute nodes, got ${compute}`)
}

/**
 * PATCH /clusters/{id}: changes the desired compute-node count (`nodes.compute`); the cluster's machine-api
 * operator reconciles the worker instances to it.
 */
export const updateCluster: Operation = {
  authorize: authorizeOnCluster('clusters:UpdateCluster'),
  async run(ctx, input) {
    const cluster = await requireCluster(ctx, String(input.cluster_id))
    const a = cluster.attributes
    if (a.state === 'uninstalling')
      throw badRequest(`Cluster '${a.ocmId}' is uninstalling and cannot be updated`)
    const compute = (input.nodes as { compute?: number } | undefined)?.compute
    if (compute === undefined) return toClusterDocument(cluster)
    checkComputeNodes(compute, a.multiAz)
    const line = { at: ctx.now.toISOString(), line: `compute nodes: ${a.computeNodes} -> ${compute}` }
    const attributes: ClusterAttributes = Object.assign({}, a, {
      computeNodes: compute,
      installLog: [...a.installLog, line],
    })
    const updated = await ctx.store.cloudResources.update<ClusterAttributes>(
      cluster.arn,
      { attributes, at: ctx.now },
      cluster.revision,
    )
    return toClusterDocument(updated ?? cluster)
  },
}
