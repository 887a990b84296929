import { S3Client } from '@aws-sdk/client-s3'
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { ClusterApi, type ClusterDocument } from '../cluster-api.js'
import { type ProviderClusterOptions, providerInstallerRoleArn } from '../cluster-provider.js'
import { isManagedOidcConfigId } from '../managed-oidc-config.js'
import { operatorName, roleArn } from '../names.js'
import { assumeRole } from '../sts-credentials.js'
import { readClusterIssuer } from './cluster-signing-key.js'
import type { ClusterOperator } from './operator.js'
import { RefreshingCredentials } from './refreshing-credentials.js'
import {
  assumeWithWebIdentity,
  type RemoteServiceAccountIssuer,
  type ServiceAccountIssuer,
} from './web-identity.js'

/** Where the operators run and as whom: the same settings the installer takes. */
export interface OperatorHostOptions extends ProviderClusterOptions {
  /** The operators' session length, in seconds (3600 by default; STS allows 900 to the role's maximum). */
  readonly sessionSeconds?: number
  /** Fetch new operator credentials this long before they expire (5 minutes by default). */
  readonly refreshBeforeMs?: number
}

/** One operator with its web-identity credentials. */
export interface HostedOperator {
  readonly operator: ClusterOperator
  readonly roleArn: string
  readonly credentials: RefreshingCredentials
}

/** The provider's side of a ready cluster: its API client, the cluster and its service-account issuer. */
export interface OperatorHost {
  readonly api: ClusterApi
  /** The cluster's key (unmanaged OIDC configuration), or the cluster service that signs (managed). */
  readonly issuer: ServiceAccountIssuer | RemoteServiceAccountIssuer
  readonly provider: RefreshingCredentials
  cluster: ClusterDocument
  readonly echo: (line: string) => void
}

/** The ARN of a cluster's operator role: `<operator prefix>-<namespace>-<secret>` on the Installer role's path. */
export function operatorRoleArn(cluster: ClusterDocument, operator: ClusterOperator): string {
  const prefix = cluster.aws.sts.operator_role_prefix
  if (prefix === undefined) throw new Error(`cluster ${cluster.name} has no operator role prefix`)
  const installer = cluster.aws.sts.role_arn
  const [, partition = 'aws', , , account = ''] = installer.split(':')
  const resource = installer.split(':').slice(5).join(':')
  const path = resource.slice('role'.length, resource.lastIndexOf('/') + 1)
  return roleArn(partition, account, path, operatorName(prefix, operator.namespace, operator.secretName))
}

/**
 * Opens the provider's side of a cluster: assumes RH-Managed-OpenShift-Installer (refreshed before it expires),
 * reads the cluster, then — with the customer Installer role's session, only for this — reads the cluster's
 * service-account issuer (its OIDC configuration's issuer URL and private key). The Installer session is dropped.
 * A managed OIDC configuration's key never leaves the cluster service: its tokens are asked of the service as
 * RH-Managed-OpenShift-Installer (clusters:CreateServiceAccountToken, allowed by the cluster's resource policy).
 */
export async function openOperatorHost(options: OperatorHostOptions): Promise<OperatorHost> {
  const { endpoint, region } = options
  const providerRole = providerInstallerRoleArn(options.providerAccount)
  const provider = new RefreshingCredentials(
    () =>
      assumeRole(endpoint, region, options.providerCredentials, {
        RoleArn: providerRole,
        RoleSessionName: `operators-${options.clusterId}`,
      }),
    options.refreshBeforeMs === undefined ? {} : { refreshBeforeMs: options.refreshBeforeMs },
  )
  const api = new ClusterApi({ endpoint, region, credentials: provider.provider })
  const cluster = await api.getCluster(options.clusterId)
  if (cluster.state !== 'ready')
    throw new Error(`cluster ${cluster.name} is ${cluster.state}: its operators run once it is ready`)
  const oidcConfigId = cluster.aws.sts.oidc_config?.id
  if (oidcConfigId === undefined || cluster.aws.sts.operator_role_prefix === undefined)
    throw new Error(
      `cluster ${cluster.name} has no OIDC configuration or operator roles: create it with --oidc-config-id and --operator-roles-prefix`,
    )
  if (isManagedOidcConfigId(oidcConfigId)) {
    // Managed: the key stays with the cluster service, which signs each token for this cluster's operators.
    const clusterId = cluster.id
    const issuer: RemoteServiceAccountIssuer = {
      sign: (namespace, serviceAccount) => api.serviceAccountToken(clusterId, namespace, serviceAccount),
    }
    return { api, issuer, provider, cluster, echo: options.echo ?? (() => {}) }
  }
  const sts = cluster.aws.sts
  const installer = await assumeRole(endpoint, region, provider.provider, {
    RoleArn: sts.role_arn,
    RoleSessionName: `OCM-operators-${cluster.infra_id}`,
    ...(sts.external_id ? { ExternalId: sts.external_id } : {}),
  })
  const config = { endpoint, region, credentials: installer, maxAttempts: 1 }
  const s3 = new S3Client(Object.assign({}, config, { forcePathStyle: true }))
  const secrets = new SecretsManagerClient(config)
  try {
    const issuer = await readClusterIssuer({ s3, secrets }, oidcConfigId)
    return { api, issuer, provider, cluster, echo: options.echo ?? (() => {}) }
  } finally {
    s3.destroy()
    secrets.destroy()
  }
}

/** Gives one operator its web-identity credentials (minted token → AssumeRoleWithWebIdentity). */
export function hostOperator(
  host: OperatorHost,
  options: Pick<OperatorHostOptions, 'endpoint' | 'region' | 'sessionSeconds' | 'refreshBeforeMs'>,
  operator: ClusterOperator,
): HostedOperator {
  const arn = operatorRoleArn(host.cluster, operator)
  const identity = {
    roleArn: arn,
    namespace: operator.namespace,
    serviceAccount: operator.serviceAccount,
    sessionName: `${host.cluster.infra_id}-${operator.name}`,
  }
  const credentials = new RefreshingCredentials(
    () =>
      assumeWithWebIdentity(
        options.endpoint,
        options.region,
        host.issuer,
        identity,
        options.sessionSeconds ?? 3600,
      ),
    options.refreshBeforeMs === undefined ? {} : { refreshBeforeMs: options.refreshBeforeMs },
  )
  return { operator, roleArn: arn, credentials }
}
