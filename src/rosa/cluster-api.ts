import { Hash } from '@smithy/hash-node'
import { HttpRequest } from '@smithy/protocol-http'
import { SignatureV4 } from '@smithy/signature-v4'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types'

/** The base path of the cluster service. */
export const CLUSTERS_V1 = '/api/clusters_mgmt/v1'

/** An error answered by the cluster service (OCM's `{"kind":"Error","code","reason"}`), or by the pipeline. */
export class ClusterApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = code
  }
}

/** A cluster document as the cluster service answers it (the fields the CLI and installer read). */
export interface ClusterDocument {
  readonly id: string
  readonly name: string
  readonly infra_id: string
  readonly state: string
  readonly status: { readonly state: string; readonly description: string }
  readonly multi_az: boolean
  readonly region: { readonly id: string }
  readonly dns: { readonly base_domain: string }
  readonly api: { readonly url: string }
  readonly nodes: { readonly compute: number }
  readonly version: { readonly id: string }
  readonly aws: {
    readonly account_id: string
    readonly sts: {
      readonly role_arn: string
      readonly support_role_arn?: string
      readonly external_id?: string
      readonly operator_role_prefix?: string
      readonly oidc_config?: { readonly id: string }
      readonly instance_iam_roles: { readonly master_role_arn?: string; readonly worker_role_arn?: string }
    }
  }
  readonly creation_timestamp: string
}

/** One operator's condition as a cluster reports it (OCM's ClusterOperatorInfo). */
export interface ClusterOperatorInfo {
  readonly name: string
  readonly condition: 'available' | 'degraded' | 'failing' | 'upgrading'
  readonly reason: string
  readonly time?: string
  readonly version?: string
}

/** The install log from an offset (OCM's `Log` document). */
export interface InstallLog {
  readonly state: string
  readonly content: string
  readonly next_offset: number
}

/** A managed OIDC configuration as the cluster service answers it (its key never leaves the service). */
export interface OidcConfigDocument {
  readonly id: string
  readonly managed: boolean
  readonly issuer_url: string
  readonly creation_timestamp: string
}

/** Where and as whom to call the cluster service. */
export interface ClusterApiOptions {
  readonly endpoint: string
  readonly region: string
  readonly credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider
}

/** A SigV4-signed JSON client of the cluster service (service name `clusters`). */
export class ClusterApi {
  private readonly signer: SignatureV4

  constructor(private readonly options: ClusterApiOptions) {
    this.signer = new SignatureV4({
      service: 'clusters',
      region: options.region,
      credentials: options.credentials,
      sha256: Hash.bind(null, 'sha256'),
    })
  }

  /** POST /clusters. */
  createCluster(body: Record<string, unknown>): Promise<ClusterDocument> {
    return this.call('POST', '/clusters', body) as Promise<ClusterDocument>
  }

  /** GET /clusters/{idOrName}. */
  getCluster(ref: string): Promise<ClusterDocument> {
    return this.call('GET', `/clusters/${encodeURIComponent(ref)}`) as Promise<ClusterDocument>
  }

  /** GET /clusters. */
  async listClusters(): Promise<readonly ClusterDocument[]> {
    return ((await this.call('GET', '/clusters')) as { items: ClusterDocument[] }).items
  }

  /** DELETE /clusters/{idOrName}: the cluster goes to `uninstalling`. */
  deleteCluster(ref: string): Promise<ClusterDocument> {
    return this.call('DELETE', `/clusters/${encodeURIComponent(ref)}`) as Promise<ClusterDocument>
  }

  /** PATCH /clusters/{idOrName}: the desired compute-node count. */
  updateCluster(ref: string, change: { nodes: { compute: number } }): Promise<ClusterDocument> {
    return this.call('PATCH', `/clusters/${encodeURIComponent(ref)}`, change) as Promise<ClusterDocument>
  }

  /** GET /clusters/{idOrName}/metric_queries/cluster_operators: each operator's last condition. */
  async clusterOperators(ref: string): Promise<readonly ClusterOperatorInfo[]> {
    const path = `/clusters/${encodeURIComponent(ref)}/metric_queries/cluster_operators`
    return ((await this.call('GET', path)) as { operators: ClusterOperatorInfo[] }).operators
  }

  /** PATCH /clusters/{id}/status (the installer's state and log; the operators' conditions). */
  async updateStatus(
    ref: string,
    change: {
      state?: string
      description?: string
      log?: readonly string[]
      operators?: readonly Omit<ClusterOperatorInfo, 'time' | 'version'>[]
    },
  ): Promise<void> {
    await this.call('PATCH', `/clusters/${encodeURIComponent(ref)}/status`, change)
  }

  /** GET /clusters/{id}/logs/install?offset=N. */
  installLog(ref: string, offset = 0): Promise<InstallLog> {
    return this.call('GET', `/clusters/${encodeURIComponent(ref)}/logs/install`, undefined, {
      offset: String(offset),
    }) as Promise<InstallLog>
  }

  /** POST /oidc_configs {"managed": true}: the service generates and keeps the key and hosts the issuer. */
  createManagedOidcConfig(): Promise<OidcConfigDocument> {
    return this.call('POST', '/oidc_configs', { managed: true }) as Promise<OidcConfigDocument>
  }

  /** GET /oidc_configs/{id}. */
  getOidcConfig(id: string): Promise<OidcConfigDocument> {
    return this.call('GET', `/oidc_configs/${encodeURIComponent(id)}`) as Promise<OidcConfigDocument>
  }

  /** GET /oidc_configs: the caller's account's managed configurations. */
  async listOidcConfigs(): Promise<readonly OidcConfigDocument[]> {
    return ((await this.call('GET', '/oidc_configs')) as { items: OidcConfigDocument[] }).items
  }

  /** DELETE /oidc_configs/{id}: the configuration and its provider-side key. */
  async deleteOidcConfig(id: string): Promise<void> {
    await this.call('DELETE', `/oidc_configs/${encodeURIComponent(id)}`)
  }

  /** POST /clusters/{id}/service_account_tokens: a token for one operator service account (managed OIDC). */
  async serviceAccountToken(ref: string, namespace: string, serviceAccount: string): Promise<string> {
    const path = `/clusters/${encodeURIComponent(ref)}/service_account_tokens`
    const answer = await this.call('POST', path, { namespace, service_account: serviceAccount })
    return (answer as { token: string }).token
  }

  private async call(
    method: string,
    path: string,
    body?: unknown,
    query: Record<string, string> = {},
  ): Promise<unknown> {
    const url = new URL(this.options.endpoint)
    const text = body === undefined ? '' : JSON.stringify(body)
    const request = new HttpRequest({
      method,
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: `${CLUSTERS_V1}${path}`,
      query,
      headers: { host: url.host, 'content-type': 'application/json' },
      ...(text ? { body: text } : {}),
    })
    const signed = await this.signer.sign(request)
    const search = new URLSearchParams(query).toString()
    const response = await fetch(`${url.origin}${signed.path}${search ? `?${search}` : ''}`, {
      method,
      headers: signed.headers,
      ...(text ? { body: text } : {}),
    })
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>
    if (!response.ok) {
      const code = String(answer.code ?? answer.__type ?? answer.Code ?? response.status)
      const message = String(answer.reason ?? answer.message ?? answer.Message ?? response.statusText)
      throw new ClusterApiError(response.status, code, message)
    }
    return answer
  }
}
