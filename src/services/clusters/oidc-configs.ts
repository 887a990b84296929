import { AwsError } from '../../kernel/aws-error.js'
import type { CloudResourceRecord, Store } from '../../store/index.js'

/** The stored attributes of a managed OIDC configuration (the private key is a sealed store secret beside it). */
export interface OidcConfigAttributes {
  readonly [key: string]: unknown
  readonly ocmId: string
  readonly issuerUrl: string
  readonly kid: string
  /** The public key's JWKS entry, served at `<issuer>/keys.json`. */
  readonly jwk: Readonly<Record<string, string>>
}

/** A stored managed OIDC configuration. */
export type OidcConfigRecord = CloudResourceRecord<OidcConfigAttributes>

/** The cluster service's API root. */
export const API_ROOT = '/api/clusters_mgmt/v1'

/** Where managed issuers live below the endpoint: `<origin>/api/clusters_mgmt/v1/oidc/<id>`. */
export const ISSUER_PATH = `${API_ROOT}/oidc`

/** The version id of the sealed signing key in the store's secret versions. */
export const SIGNING_KEY_VERSION = 'signing-key'

/** A managed OIDC configuration's ARN; OCM ids are global, so the ARN names no region or account. */
export const oidcConfigArn = (ocmId: string): string => `arn:aws:clusters:::oidc-config/${ocmId}`

/** OCM's 404 for an OIDC configuration id no configuration has. */
export const oidcConfigNotFound = (id: string): AwsError =>
  new AwsError('CLUSTERS-MGMT-404', 404, `OIDC config '${id}' not found`)

/** Finds a managed OIDC configuration by id (any account: the anonymous issuer documents name only the id). */
export async function findOidcConfig(store: Store, id: string): Promise<OidcConfigRecord | undefined> {
  if (!/^[a-z0-9]{1,64}$/.test(id)) return undefined
  return store.cloudResources.get<OidcConfigAttributes>(oidcConfigArn(id))
}

/** Finds a managed OIDC configuration or throws OCM's 404. */
export async function requireOidcConfig(store: Store, id: string): Promise<OidcConfigRecord> {
  const found = await findOidcConfig(store, id)
  if (found === undefined) throw oidcConfigNotFound(id)
  return found
}

/** The issuer's discovery document (the same fields rosa's unmanaged documents carry). */
export function discoveryDocument(issuerUrl: string): Record<string, unknown> {
  return {
    issuer: issuerUrl,
    jwks_uri: `${issuerUrl}/keys.json`,
    response_types_supported: ['id_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    claims_supported: ['aud', 'exp', 'sub', 'iat', 'iss'],
  }
}

/** An OIDC configuration as OCM's `OidcConfig` document. */
export function toOidcConfigDocument(config: OidcConfigRecord): Record<string, unknown> {
  const a = config.attributes
  return {
    kind: 'OidcConfig',
    id: a.ocmId,
    href: `${API_ROOT}/oidc_configs/${a.ocmId}`,
    managed: true,
    reusable: true,
    issuer_url: a.issuerUrl,
    creation_timestamp: config.createdAt.toISOString(),
  }
}

/**
 * The service accounts of the classic operator roles (data/rosa/<version>/manifest.json `operator_roles`), as
 * `<namespace>:<service account>`: the only subjects the cluster service signs tokens for.
 */
export const OPERATOR_SERVICE_ACCOUNTS: ReadonlySet<string> = new Set([
  'openshift-ingress-operator:ingress-operator',
  'openshift-cluster-csi-drivers:aws-ebs-csi-driver-operator',
  'openshift-cluster-csi-drivers:aws-ebs-csi-driver-controller-sa',
  'openshift-cloud-network-config-controller:cloud-network-config-controller',
  'openshift-machine-api:machine-api-controllers',
  'openshift-cloud-credential-operator:cloud-credential-operator',
  'openshift-image-registry:cluster-image-registry-operator',
  'openshift-image-registry:registry',
])
