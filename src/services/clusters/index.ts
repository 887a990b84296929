import type { ServiceDefinition } from '../operation.js'
import { CLUSTERS_MODEL } from './model.js'
import { ISSUER_PATH } from './oidc-configs.js'
import { createClusterOperation } from './operations/create-cluster.js'
import { createOidcConfig } from './operations/create-oidc-config.js'
import { createServiceAccountToken } from './operations/create-service-account-token.js'
import { deleteCluster } from './operations/delete-cluster.js'
import { deleteOidcConfig } from './operations/delete-oidc-config.js'
import { getCluster } from './operations/get-cluster.js'
import { getClusterInstallLogs } from './operations/get-cluster-install-logs.js'
import { getClusterOperators } from './operations/get-cluster-operators.js'
import { getOidcConfig } from './operations/get-oidc-config.js'
import { getOidcDiscovery, getOidcKeys } from './operations/get-oidc-documents.js'
import { listClusters } from './operations/list-clusters.js'
import { listOidcConfigs } from './operations/list-oidc-configs.js'
import { updateCluster } from './operations/update-cluster.js'
import { updateClusterStatus } from './operations/update-cluster-status.js'

/** The default managed-service provider account (Red Hat's production jump account). */
export const DEFAULT_PROVIDER_ACCOUNT = '710019948333'

/**
 * The cluster service (rest-json under /api/clusters_mgmt/v1/, SigV4 service `clusters`, actions
 * `clusters:*`); its clusters trust the installer role of `providerAccount` through a resource policy. It also
 * keeps managed OIDC configurations (their keys sealed) and serves their issuers' documents unsigned.
 */
export function clustersService(providerAccount: string = DEFAULT_PROVIDER_ACCOUNT): ServiceDefinition {
  return {
    signingName: 'clusters',
    eventSource: 'clusters.lanyard.local',
    // A managed issuer's discovery document and keys.json are public, as any OIDC issuer's.
    unsignedPathPrefix: `${ISSUER_PATH}/`,
    model: CLUSTERS_MODEL,
    operations: {
      CreateCluster: createClusterOperation(
        `arn:aws:iam::${providerAccount}:role/RH-Managed-OpenShift-Installer`,
      ),
      ListClusters: listClusters,
      GetCluster: getCluster,
      DeleteCluster: deleteCluster,
      UpdateCluster: updateCluster,
      UpdateClusterStatus: updateClusterStatus,
      GetClusterInstallLogs: getClusterInstallLogs,
      GetClusterOperators: getClusterOperators,
      CreateServiceAccountToken: createServiceAccountToken,
      CreateOidcConfig: createOidcConfig,
      ListOidcConfigs: listOidcConfigs,
      GetOidcConfig: getOidcConfig,
      DeleteOidcConfig: deleteOidcConfig,
      GetOidcDiscovery: getOidcDiscovery,
      GetOidcKeys: getOidcKeys,
    },
  }
}
