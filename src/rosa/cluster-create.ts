import { GetRoleCommand, type IAMClient, type Role } from '@aws-sdk/client-iam'
import { type ClusterApi, ClusterApiError, type ClusterDocument } from './cluster-api.js'

/** The account roles a classic STS cluster needs, by rosa_role_type, with their role-name suffix. */
export const CLUSTER_ACCOUNT_ROLES = [
  { type: 'installer', suffix: 'Installer' },
  { type: 'support', suffix: 'Support' },
  { type: 'instance_controlplane', suffix: 'ControlPlane' },
  { type: 'instance_worker', suffix: 'Worker' },
] as const

/** The ARNs of a cluster's account roles. */
export interface ClusterAccountRoles {
  readonly installer: string
  readonly support: string
  readonly controlPlane: string
  readonly worker: string
  /** The Installer role's sts:ExternalId condition value, when its trust has one. */
  readonly externalId?: string
}

/** What `lanyard rosa create cluster` asks for. */
export interface CreateClusterRequest {
  readonly name: string
  readonly prefix: string
  readonly version: string
  readonly multiAz: boolean
  readonly computeNodes?: number
  readonly oidcConfigId?: string
  readonly operatorRolePrefix?: string
  readonly region: string
}

const tag = (role: Role, key: string): string | undefined => role.Tags?.find((t) => t.Key === key)?.Value

/**
 * Reads the four account roles `<prefix>-<Suffix>-Role` through IAM and checks rosa's tags: the role type, the
 * prefix, and an OpenShift version that is the cluster's (rosa refuses roles older than the cluster's y-stream).
 */
export async function validateAccountRoles(
  iam: IAMClient,
  prefix: string,
  version: string,
): Promise<ClusterAccountRoles> {
  const found: Record<string, Role> = {}
  for (const { type, suffix } of CLUSTER_ACCOUNT_ROLES) {
    const name = `${prefix}-${suffix}-Role`.slice(0, 64)
    const role = await iam
      .send(new GetRoleCommand({ RoleName: name }))
      .then((r) => r.Role!)
      .catch((error: { name?: string }) => {
        if (error.name === 'NoSuchEntityException' || error.name === 'NoSuchEntity')
          throw new Error(
            `account role ${name} does not exist: run 'lanyard rosa create account-roles --prefix ${prefix}'`,
          )
        throw error
      })
    if (tag(role, 'rosa_role_type') !== type)
      throw new Error(
        `role ${name} is not a ROSA ${type} role (tag rosa_role_type is '${tag(role, 'rosa_role_type') ?? ''}')`,
      )
    const roleVersion = tag(role, 'rosa_openshift_version')
    if (roleVersion === undefined || compareVersions(roleVersion, version) < 0)
      throw new Error(
        `role ${name} is for OpenShift ${roleVersion ?? '(untagged)'}, older than ${version}: run 'lanyard rosa upgrade account-roles'`,
      )
    found[type] = role
  }
  const externalId = externalIdOf(found.installer!)
  return {
    installer: found.installer!.Arn!,
    support: found.support!.Arn!,
    controlPlane: found.instance_controlplane!.Arn!,
    worker: found.instance_worker!.Arn!,
    ...(externalId ? { externalId } : {}),
  }
}

/** `4.22` vs `4.9`: numeric per part. */
function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/** The sts:ExternalId a role's trust requires, if any (the trust document comes URL-encoded from IAM). */
function externalIdOf(role: Role): string | undefined {
  const text = decodeURIComponent(role.AssumeRolePolicyDocument ?? '')
  const match = /"sts:ExternalId"\s*:\s*"([^"]+)"/.exec(text)
  return match?.[1]
}

/** Records the cluster through the cluster service (POST /clusters); an existing cluster of that name is answered as is. */
export async function recordCluster(
  api: ClusterApi,
  request: CreateClusterRequest,
  roles: ClusterAccountRoles,
): Promise<ClusterDocument> {
  try {
    return await api.createCluster({
      name: request.name,
      multi_az: request.multiAz,
      region: { id: request.region },
      version: { id: `openshift-v${request.version}` },
      ...(request.computeNodes !== undefined ? { nodes: { compute: request.computeNodes } } : {}),
      aws: {
        sts: {
          role_arn: roles.installer,
          support_role_arn: roles.support,
          ...(roles.externalId ? { external_id: roles.externalId } : {}),
          ...(request.operatorRolePrefix ? { operator_role_prefix: request.operatorRolePrefix } : {}),
          ...(request.oidcConfigId ? { oidc_config: { id: request.oidcConfigId } } : {}),
          instance_iam_roles: { master_role_arn: roles.controlPlane, worker_role_arn: roles.worker },
        },
      },
    })
  } catch (error) {
    if (error instanceof ClusterApiError && /already exists/.test(error.message))
      return api.getCluster(request.name)
    throw error
  }
}
