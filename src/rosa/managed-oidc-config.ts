import type { ClusterApi } from './cluster-api.js'
import type { RosaLog } from './rosa-clients.js'

/** OCM's ids (32 lower-case base32 characters); an unmanaged configuration's id is its bucket name instead. */
const MANAGED_ID = /^[a-z2-7]{32}$/

/** A managed OIDC configuration: the provider keeps its key and serves its issuer. */
export interface ManagedOidcConfig {
  readonly id: string
  readonly issuerUrl: string
  readonly managed: true
}

/** Whether an OIDC configuration id names a managed configuration (an OCM id, not a bucket name). */
export function isManagedOidcConfigId(id: string): boolean {
  return MANAGED_ID.test(id)
}

/**
 * Creates a managed OIDC configuration as rosa `create oidc-config` (default `--managed=true`) does: one call to
 * the cluster service, which generates the key, keeps it, and hosts the discovery document and keys.json.
 */
export async function createManagedOidcConfig(api: ClusterApi, log: RosaLog): Promise<ManagedOidcConfig> {
  const created = await api.createManagedOidcConfig()
  log(`the cluster service created managed OIDC configuration ${created.id}; it keeps the private key`)
  log(`issuer ${created.issuer_url}`)
  return { id: created.id, issuerUrl: created.issuer_url, managed: true }
}

/** The issuer URL of a managed configuration, from the cluster service. */
export async function managedIssuerOf(api: ClusterApi, id: string): Promise<string> {
  try {
    return (await api.getOidcConfig(id)).issuer_url
  } catch (error) {
    throw new Error(
      `cannot read the managed OIDC configuration '${id}' from the cluster service: ${(error as Error).message}; ` +
        'pass the id `lanyard rosa create oidc-config` printed',
    )
  }
}

/** The key ids a managed issuer publishes, read anonymously from `<issuer>/keys.json` as any verifier reads them. */
export async function managedKeyIds(issuerUrl: string): Promise<string[]> {
  const response = await fetch(`${issuerUrl}/keys.json`)
  if (!response.ok) throw new Error(`GET ${issuerUrl}/keys.json answered ${response.status}`)
  const jwks = (await response.json()) as { keys?: { kid?: string }[] }
  return (jwks.keys ?? []).map((k) => k.kid ?? '')
}
