import type { ClusterDocument } from './cluster-api.js'

/** The `aws.sts` members the refusal rules read beyond ClusterDocument's (OCM names them so). */
interface StsReferences {
  readonly operator_role_prefix?: string
  readonly oidc_config?: { readonly id: string }
}

/** The part of the cluster service the refusal rules read (GET /clusters). */
export interface ClusterLister {
  listClusters(): Promise<readonly ClusterDocument[]>
}

const references = (cluster: ClusterDocument): ClusterDocument['aws']['sts'] & StsReferences =>
  cluster.aws.sts

/** What a cluster references, as rosa's delete commands check it (OCM `aws.sts`). */
function accountRoleArns(cluster: ClusterDocument): string[] {
  const sts = cluster.aws.sts
  return [
    sts.role_arn,
    sts.support_role_arn,
    sts.instance_iam_roles.master_role_arn,
    sts.instance_iam_roles.worker_role_arn,
  ].filter((arn): arn is string => arn !== undefined)
}

/** The account's clusters; a failure says the delete needs the cluster service's answer. */
async function clustersOf(api: ClusterLister): Promise<readonly ClusterDocument[]> {
  try {
    return await api.listClusters()
  } catch (error) {
    const e = error as Error
    throw new Error(
      `cannot ask the cluster service whether a cluster still uses this (${e.name}: ${e.message}): ` +
        'the caller needs clusters:ListClusters and a reachable Lanyard endpoint',
    )
  }
}

/** `name (id)`, and the command that removes the cluster. */
function fix(cluster: ClusterDocument): string {
  return `cluster ${cluster.name} (${cluster.id}, ${cluster.state}): delete it first (lanyard rosa delete cluster -c ${cluster.name}) and wait until it is uninstalled`
}

/**
 * rosa `delete account-roles`: refused while any cluster of the account names one of the roles (installer, support,
 * control plane or worker). A cluster still uninstalling counts: its installer role is still needed.
 */
export async function refuseAccountRolesInUse(
  api: ClusterLister,
  roleArns: readonly string[],
): Promise<void> {
  const wanted = new Set(roleArns)
  for (const cluster of await clustersOf(api)) {
    const used = accountRoleArns(cluster).find((arn) => wanted.has(arn))
    if (used !== undefined) throw new Error(`account role ${used} is used by ${fix(cluster)}`)
  }
}

/** rosa `delete operator-roles --prefix`: refused while a cluster uses the operator-role prefix. */
export async function refuseOperatorPrefixInUse(api: ClusterLister, prefix: string): Promise<void> {
  for (const cluster of await clustersOf(api)) {
    if (references(cluster).operator_role_prefix === prefix)
      throw new Error(`the operator roles of prefix ${prefix} are used by ${fix(cluster)}`)
  }
}

/** rosa `delete oidc-config` and `delete oidc-provider`: refused while a cluster uses the OIDC configuration. */
export async function refuseOidcConfigInUse(api: ClusterLister, oidcConfigId: string): Promise<void> {
  for (const cluster of await clustersOf(api)) {
    if (references(cluster).oidc_config?.id === oidcConfigId)
      throw new Error(`the OIDC configuration ${oidcConfigId} is used by ${fix(cluster)}`)
  }
}
