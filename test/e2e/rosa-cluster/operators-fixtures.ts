import { providerConfig, runCreateCluster } from '../../../src/cli/commands/rosa-cluster.js'
import type { ClusterDocument, OidcConfig } from '../../../src/rosa/index.js'
import { DEFAULT_PROVIDER_ACCOUNT } from '../../../src/rosa/index.js'
import type { OperatorHostOptions } from '../../../src/rosa/operators/index.js'
import type { TestServer } from '../start.js'
import { initWithAccountRoles, rosaEnv, unmanagedOidcWithOperatorRoles } from './customer-fixtures.js'

/** A cluster installed the way the `lanyard rosa` commands do it, with its OIDC configuration and operator roles. */
export interface OperatorCluster {
  readonly env: NodeJS.ProcessEnv
  readonly oidc: OidcConfig
  readonly cluster: ClusterDocument
  readonly operatorPrefix: string
  /** The options `openClusterOperators` takes for this cluster (the provider admin's credentials). */
  readonly host: OperatorHostOptions
}

/**
 * rosa init, account roles, OIDC configuration and provider, operator roles `<name>-ops`, and the cluster
 * (single-AZ, two compute nodes) created with `create cluster`: installed, then one reconcile of its operators.
 */
export async function installedCluster(server: TestServer, name: string): Promise<OperatorCluster> {
  const env = rosaEnv(server.url, server.dataDir)
  const flags = { output: 'text' }
  const quiet = (): void => {}
  await initWithAccountRoles(env)
  const operatorPrefix = `${name}-ops`
  const oidc = await unmanagedOidcWithOperatorRoles(env, operatorPrefix)
  const cluster = await runCreateCluster(
    {
      ...flags,
      clusterName: name,
      rolePrefix: 'ManagedOpenShift',
      operatorRolesPrefix: operatorPrefix,
      oidcConfigId: oidc.id,
      computeNodes: '2',
      version: '4.22',
    },
    quiet,
    env,
  )
  const host: OperatorHostOptions = {
    endpoint: server.url,
    region: 'us-east-1',
    providerCredentials: providerConfig(flags, DEFAULT_PROVIDER_ACCOUNT, env).credentials,
    providerAccount: DEFAULT_PROVIDER_ACCOUNT,
    clusterId: cluster.id,
  }
  return { env, oidc, cluster, operatorPrefix, host }
}
