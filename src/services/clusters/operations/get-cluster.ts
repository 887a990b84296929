import type { Operation } from '../../operation.js'
import { authorizeOnCluster } from '../authz.js'
import { requireCluster } from '../clusters.js'
import { toClusterDocument } from '../mappers.js'

/** GET /clusters/{id}: one cluster, by OCM id or by name in the caller's account. */
export const getCluster: Operation = {
  readOnly: true,
  authorize: authorizeOnCluster('clusters:GetCluster'),
  async run(ctx, input) {
    return toClusterDocument(await requireCluster(ctx, String(input.cluster_id)))
  },
}
