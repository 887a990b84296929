import { Sha256 } from '@aws-crypto/sha256-browser'
import { HttpRequest } from '@smithy/protocol-http'
import { SignatureV4 } from '@smithy/signature-v4'
import type { ConsoleSession } from './session.js'

/** The base path of the cluster service. */
const CLUSTERS_V1 = '/api/clusters_mgmt/v1'

/** An error answered by the cluster service (OCM's `{"kind":"Error","code","reason"}`); its name is the code. */
export class ClusterServiceError extends Error {
  constructor(
    readonly status: number,
    code: string,
    message: string,
  ) {
    super(message)
    this.name = code
  }
}

/** A cluster as the cluster service answers it (the fields the console shows). */
export interface Cluster {
  readonly id: string
  readonly name: string
  readonly infra_id: string
  readonly state: string
  readonly status: { readonly state: string; readonly description?: string }
  readonly multi_az: boolean
  readonly region: { readonly id: string }
  readonly dns: { readonly base_domain: string }
  readonly api: { readonly url: string }
  readonly console?: { readonly url: string }
  readonly nodes: { readonly compute: number; readonly master?: number; readonly infra?: number }
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

/** The install log from an offset (OCM's `Log` document). */
export interface InstallLog {
  readonly content: string
  readonly next_offset: number
}

/**
 * The cluster service (`/api/clusters_mgmt/v1/`, SigV4 service `clusters`) called from the browser with fetch,
 * signed as the signed-in principal, as `ClusterApi` of `lanyard rosa` does from Node.
 */
export class ClusterClient {
  private readonly signer: SignatureV4

  constructor(
    session: ConsoleSession,
    private readonly region: string,
    private readonly origin: string = window.location.origin,
  ) {
    this.signer = new SignatureV4({
      service: 'clusters',
      region,
      credentials: {
        accessKeyId: session.accessKeyId,
        secretAccessKey: session.secretAccessKey,
        ...(session.sessionToken ? { sessionToken: session.sessionToken } : {}),
      },
      sha256: Sha256,
    })
  }

  /** The region the clusters are listed and looked up in. */
  get regionName(): string {
    return this.region
  }

  /** GET /clusters: the clusters of the caller's account in the region. */
  async listClusters(): Promise<readonly Cluster[]> {
    return ((await this.get('/clusters')) as { items?: Cluster[] }).items ?? []
  }

  /** GET /clusters/{id or name}. */
  getCluster(ref: string): Promise<Cluster> {
    return this.get(`/clusters/${encodeURIComponent(ref)}`) as Promise<Cluster>
  }

  /** GET /clusters/{id}/logs/install?offset=N. */
  installLog(ref: string, offset = 0): Promise<InstallLog> {
    return this.get(`/clusters/${encodeURIComponent(ref)}/logs/install`, {
      offset: String(offset),
    }) as Promise<InstallLog>
  }

  private async get(path: string, query: Record<string, string> = {}): Promise<unknown> {
    const url = new URL(this.origin)
    const request = new HttpRequest({
      method: 'GET',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: `${CLUSTERS_V1}${path}`,
      query,
      headers: { host: url.host },
    })
    const signed = await this.signer.sign(request)
    // The browser sets Host itself and refuses to have it set.
    const { host: _host, ...headers } = signed.headers
    const search = new URLSearchParams(query).toString()
    const response = await fetch(`${url.origin}${signed.path}${search ? `?${search}` : ''}`, { headers })
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>
    if (!response.ok)
      throw new ClusterServiceError(
        response.status,
        String(answer.code ?? answer.__type ?? response.status),
        String(answer.reason ?? answer.message ?? response.statusText),
      )
    return answer
  }
}
