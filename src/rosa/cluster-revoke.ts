import type { IAMClient } from '@aws-sdk/client-iam'
import type { OperatorRoleSpec, RosaDataSet } from './data-set.js'
import { operatorName } from './names.js'
import { revokeRoleSessions } from './revoke-sessions.js'

/** What revocation reads of a cluster document (GET /clusters/{id}): its name and the roles it records. */
export interface ClusterRoleRefs {
  readonly name: string
  readonly aws: {
    readonly sts: {
      readonly role_arn: string
      readonly support_role_arn?: string
      readonly operator_role_prefix?: string
    }
  }
}

/** A cluster role whose sessions `lanyard rosa revoke` cuts. */
export interface RevokeTarget {
  /** What the caller named: `installer`, `support` or an operator. */
  readonly role: string
  readonly roleName: string
  readonly roleArn: string
}

/** Short operator names (as the operators call themselves) → their namespace in the data set. */
const OPERATOR_ALIASES: Readonly<Record<string, string>> = {
  ingress: 'openshift-ingress-operator',
  'ebs-csi': 'openshift-cluster-csi-drivers',
  'aws-ebs-csi-driver': 'openshift-cluster-csi-drivers',
  'cloud-credential': 'openshift-cloud-credential-operator',
  'cloud-network-config': 'openshift-cloud-network-config-controller',
}

/** The names one operator answers to, short name first: its alias, its namespace without and with `openshift-`, its role-name suffix. */
function operatorNames(operator: OperatorRoleSpec): string[] {
  const aliases = Object.entries(OPERATOR_ALIASES)
    .filter(([, ns]) => ns === operator.namespace)
    .map(([alias]) => alias)
  return [
    ...aliases,
    operator.namespace.replace(/^openshift-/, ''),
    operator.namespace,
    `${operator.namespace}-${operator.secret_name}`,
  ]
}

/** The role names `--role` accepts for the data set: installer, support and each operator's short name. */
export function revocableRoles(data: RosaDataSet): string[] {
  return ['installer', 'support', ...data.manifest.operator_roles.map((o) => operatorNames(o)[0]!)]
}

const nameOf = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1)

/** `arn:aws:iam::<account>:role<path>` of the cluster's Installer role (operator roles share its path). */
const rolePathPrefix = (installerArn: string): string =>
  installerArn.slice(0, installerArn.lastIndexOf('/') + 1)

/**
 * Resolves `role` for the cluster: the account roles from the ARNs the cluster records (found by their prefix
 * when the cluster was created), an operator's role as `<operator prefix>-<namespace>-<secret>` on the Installer
 * role's path.
 */
export function resolveRevokeTarget(cluster: ClusterRoleRefs, role: string, data: RosaDataSet): RevokeTarget {
  const sts = cluster.aws.sts
  if (role === 'installer') return { role, roleName: nameOf(sts.role_arn), roleArn: sts.role_arn }
  if (role === 'support') {
    if (sts.support_role_arn === undefined) throw new Error(`cluster ${cluster.name} records no Support role`)
    return { role, roleName: nameOf(sts.support_role_arn), roleArn: sts.support_role_arn }
  }
  const operator = data.manifest.operator_roles.find((o) => operatorNames(o).includes(role))
  if (operator === undefined)
    throw new Error(`--role '${role}' is not one of ${revocableRoles(data).join(', ')}`)
  const prefix = sts.operator_role_prefix
  if (prefix === undefined)
    throw new Error(
      `cluster ${cluster.name} records no operator role prefix; revoke the role with 'lanyard iam revoke-sessions --role NAME'`,
    )
  const roleName = operatorName(prefix, operator.namespace, operator.secret_name)
  return { role, roleName, roleArn: `${rolePathPrefix(sts.role_arn)}${roleName}` }
}

/** Resolves `role` for the cluster and revokes its sessions issued before `at` through IAM. */
export async function revokeClusterRole(
  iam: IAMClient,
  cluster: ClusterRoleRefs,
  role: string,
  data: RosaDataSet,
  at: Date,
): Promise<RevokeTarget> {
  const target = resolveRevokeTarget(cluster, role, data)
  await revokeRoleSessions(iam, target.roleName, at)
  return target
}
