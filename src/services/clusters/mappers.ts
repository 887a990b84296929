import type { ClusterRecord } from './clusters.js'

const V1 = '/api/clusters_mgmt/v1'

/** A cluster as OCM's `Cluster` document (the subset Lanyard keeps). */
export function toClusterDocument(cluster: ClusterRecord): Record<string, unknown> {
  const a = cluster.attributes
  return {
    kind: 'Cluster',
    id: a.ocmId,
    href: `${V1}/clusters/${a.ocmId}`,
    name: a.name,
    infra_id: a.infraId,
    state: a.state,
    status: { state: a.state, description: a.description },
    multi_az: a.multiAz,
    region: { kind: 'CloudRegion', id: cluster.region },
    cloud_provider: { kind: 'CloudProvider', id: 'aws' },
    dns: { base_domain: a.domain.split('.').slice(1).join('.') },
    api: { url: `https://api.${a.domain}:6443` },
    console: { url: `https://console-openshift-console.apps.${a.domain}` },
    nodes: { compute: a.computeNodes, master: 3, infra: a.multiAz ? 3 : 2 },
    version: { kind: 'Version', id: `openshift-v${a.version}` },
    aws: {
      account_id: cluster.accountId,
      sts: {
        enabled: true,
        role_arn: a.sts.roleArn,
        ...(a.sts.supportRoleArn ? { support_role_arn: a.sts.supportRoleArn } : {}),
        ...(a.sts.externalId ? { external_id: a.sts.externalId } : {}),
        ...(a.sts.operatorRolePrefix ? { operator_role_prefix: a.sts.operatorRolePrefix } : {}),
        ...(a.sts.oidcConfigId ? { oidc_config: { id: a.sts.oidcConfigId } } : {}),
        instance_iam_roles: instanceIamRoles(a.sts),
      },
    },
    creation_timestamp: cluster.createdAt.toISOString(),
  }
}

/** OCM's `instance_iam_roles`: the master and worker role ARNs the cluster was created with. */
function instanceIamRoles(sts: ClusterRecord['attributes']['sts']): Record<string, string> {
  const roles: Record<string, string> = {}
  if (sts.masterRoleArn) roles.master_role_arn = sts.masterRoleArn
  if (sts.workerRoleArn) roles.worker_role_arn = sts.workerRoleArn
  return roles
}
