import { readFile } from 'node:fs/promises'

/** One account role of the data set's manifest. */
export interface AccountRoleSpec {
  /** rosa's `rosa_role_type` tag value. */
  readonly type: 'installer' | 'instance_controlplane' | 'instance_worker' | 'support'
  /** The role name is `<prefix>-<suffix>-Role`. */
  readonly suffix: string
  readonly trust_policy: string
  readonly permission_policy: string
  readonly ocm_policy_id: string
  /** Whether `--external-id` applies (Installer and Support). */
  readonly external_id: boolean
}

/** One operator (CredentialsRequest) of the data set's manifest. */
export interface OperatorRoleSpec {
  readonly credentials_request: string
  readonly namespace: string
  readonly secret_name: string
  readonly service_accounts: readonly string[]
  readonly min_version: string | null
  readonly ocm_policy_id: string
  readonly permission_policy: string
}

/** `data/rosa/<x.y>/manifest.json`. */
export interface RosaManifest {
  readonly openshift_version: string
  readonly account_roles: readonly AccountRoleSpec[]
  readonly operator_roles: readonly OperatorRoleSpec[]
  readonly operator_trust_policy: string
  readonly oidc: { readonly bucket_policy: string; readonly discovery_document: string }
}

/** The documents of one OpenShift minor version, read from `data/rosa/<x.y>/`. */
export interface RosaDataSet {
  readonly version: string
  readonly manifest: RosaManifest
  /** The text of a document named in the manifest (path relative to the version directory). */
  document(file: string): Promise<string>
}

/** The OpenShift minor versions shipped in data/rosa. */
export const ROSA_VERSIONS: readonly string[] = ['4.22']

/** Loads the data set of an OpenShift minor version (`4.22`); throws with the known versions when absent. */
export async function loadRosaDataSet(version: string): Promise<RosaDataSet> {
  if (!ROSA_VERSIONS.includes(version)) {
    throw new Error(
      `no ROSA policy set for OpenShift ${version}; known versions: ${ROSA_VERSIONS.join(', ')}`,
    )
  }
  const base = new URL(`../../data/rosa/${version}/`, import.meta.url)
  const manifest = JSON.parse(await readFile(new URL('manifest.json', base), 'utf8')) as RosaManifest
  return {
    version,
    manifest,
    document: (file) => readFile(new URL(file, base), 'utf8'),
  }
}
