import { ClusterApi } from '../../rosa/index.js'
import { lanyardClientConfig } from './client-config.js'
import type { RosaFlags } from './rosa-common.js'

/**
 * The customer's client of the cluster service (`/api/clusters_mgmt/v1/` on the Lanyard endpoint, the
 * `lanyard env` credentials chain), which the delete commands ask whether a cluster still uses a resource.
 */
export function clusterServiceOf(flags: RosaFlags, env: NodeJS.ProcessEnv = process.env): ClusterApi {
  const config = lanyardClientConfig(flags, env)
  return new ClusterApi({ endpoint: config.endpoint, region: config.region, credentials: config.credentials })
}
