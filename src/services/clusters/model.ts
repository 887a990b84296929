import type { ServiceModel } from '../../models/index.js'

const V1 = '/api/clusters_mgmt/v1'
const str = { shape: 'String' }
const clusterId = { shape: 'String', location: 'uri', locationName: 'cluster_id' } as const
const configId = { shape: 'String', location: 'uri', locationName: 'oidc_config_id' } as const

/**
 * The cluster service's wire model (rest-json under /api/clusters_mgmt/v1/, modelled on OCM's clusters
 * resource). Hand-written: OCM publishes an OpenAPI document, not a botocore model. Outputs are the OCM
 * documents themselves (snake_case), written as the operations return them.
 */
export const CLUSTERS_MODEL: ServiceModel = {
  metadata: {
    apiVersion: 'v1',
    endpointPrefix: 'clusters',
    protocol: 'rest-json',
    serviceId: 'Clusters',
    signingName: 'clusters',
  },
  operations: {
    CreateCluster: {
      name: 'CreateCluster',
      http: { method: 'POST', requestUri: `${V1}/clusters`, responseCode: 201 },
      input: { shape: 'CreateClusterInput' },
    },
    ListClusters: { name: 'ListClusters', http: { method: 'GET', requestUri: `${V1}/clusters` } },
    GetCluster: {
      name: 'GetCluster',
      http: { method: 'GET', requestUri: `${V1}/clusters/{cluster_id}` },
      input: { shape: 'ClusterRef' },
    },
    DeleteCluster: {
      name: 'DeleteCluster',
      http: { method: 'DELETE', requestUri: `${V1}/clusters/{cluster_id}`, responseCode: 202 },
      input: { shape: 'ClusterRef' },
    },
    UpdateClusterStatus: {
      name: 'UpdateClusterStatus',
      http: { method: 'PATCH', requestUri: `${V1}/clusters/{cluster_id}/status` },
      input: { shape: 'UpdateClusterStatusInput' },
    },
    UpdateCluster: {
      name: 'UpdateCluster',
      http: { method: 'PATCH', requestUri: `${V1}/clusters/{cluster_id}` },
      input: { shape: 'UpdateClusterInput' },
    },
    GetClusterOperators: {
      name: 'GetClusterOperators',
      http: { method: 'GET', requestUri: `${V1}/clusters/{cluster_id}/metric_queries/cluster_operators` },
      input: { shape: 'ClusterRef' },
    },
    GetClusterInstallLogs: {
      name: 'GetClusterInstallLogs',
      http: { method: 'GET', requestUri: `${V1}/clusters/{cluster_id}/logs/install` },
      input: { shape: 'InstallLogsInput' },
    },
    CreateOidcConfig: {
      name: 'CreateOidcConfig',
      http: { method: 'POST', requestUri: `${V1}/oidc_configs`, responseCode: 201 },
      input: { shape: 'CreateOidcConfigInput' },
    },
    ListOidcConfigs: { name: 'ListOidcConfigs', http: { method: 'GET', requestUri: `${V1}/oidc_configs` } },
    GetOidcConfig: {
      name: 'GetOidcConfig',
      http: { method: 'GET', requestUri: `${V1}/oidc_configs/{oidc_config_id}` },
      input: { shape: 'OidcConfigRef' },
    },
    DeleteOidcConfig: {
      name: 'DeleteOidcConfig',
      http: { method: 'DELETE', requestUri: `${V1}/oidc_configs/{oidc_config_id}`, responseCode: 204 },
      input: { shape: 'OidcConfigRef' },
    },
    GetOidcDiscovery: {
      name: 'GetOidcDiscovery',
      http: { method: 'GET', requestUri: `${V1}/oidc/{oidc_config_id}/.well-known/openid-configuration` },
      input: { shape: 'OidcConfigRef' },
    },
    GetOidcKeys: {
      name: 'GetOidcKeys',
      http: { method: 'GET', requestUri: `${V1}/oidc/{oidc_config_id}/keys.json` },
      input: { shape: 'OidcConfigRef' },
    },
    CreateServiceAccountToken: {
      name: 'CreateServiceAccountToken',
      http: {
        method: 'POST',
        requestUri: `${V1}/clusters/{cluster_id}/service_account_tokens`,
        responseCode: 201,
      },
      input: { shape: 'ServiceAccountTokenInput' },
    },
  },
  shapes: {
    String: { type: 'string' },
    Boolean: { type: 'boolean' },
    Integer: { type: 'integer' },
    Strings: { type: 'list', member: str },
    ClusterRef: { type: 'structure', required: ['cluster_id'], members: { cluster_id: clusterId } },
    InstallLogsInput: {
      type: 'structure',
      required: ['cluster_id'],
      members: {
        cluster_id: clusterId,
        offset: { shape: 'Integer', location: 'querystring', locationName: 'offset' },
      },
    },
    UpdateClusterStatusInput: {
      type: 'structure',
      required: ['cluster_id'],
      members: {
        cluster_id: clusterId,
        state: str,
        description: str,
        log: { shape: 'Strings' },
        operators: { shape: 'OperatorConditions' },
      },
    },
    OperatorConditions: { type: 'list', member: { shape: 'OperatorCondition' } },
    OperatorCondition: {
      type: 'structure',
      required: ['name', 'condition'],
      members: { name: str, condition: str, reason: str },
    },
    UpdateClusterInput: {
      type: 'structure',
      required: ['cluster_id'],
      members: { cluster_id: clusterId, nodes: { shape: 'Nodes' } },
    },
    CreateClusterInput: {
      type: 'structure',
      required: ['name', 'aws'],
      members: {
        name: { shape: 'ClusterName' },
        multi_az: { shape: 'Boolean' },
        region: { shape: 'RegionRef' },
        nodes: { shape: 'Nodes' },
        aws: { shape: 'AwsSettings' },
        version: { shape: 'VersionRef' },
      },
    },
    ClusterName: { type: 'string', min: 1, max: 54, pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$' },
    RegionRef: { type: 'structure', members: { id: str } },
    VersionRef: { type: 'structure', members: { id: str } },
    Nodes: { type: 'structure', members: { compute: { shape: 'Integer' } } },
    AwsSettings: {
      type: 'structure',
      required: ['sts'],
      members: { account_id: str, sts: { shape: 'Sts' } },
    },
    Sts: {
      type: 'structure',
      required: ['role_arn'],
      members: {
        role_arn: str,
        support_role_arn: str,
        external_id: str,
        operator_role_prefix: str,
        oidc_config: { shape: 'ClusterOidcConfigRef' },
        instance_iam_roles: { shape: 'InstanceRoles' },
      },
    },
    OidcConfigRef: {
      type: 'structure',
      required: ['oidc_config_id'],
      members: { oidc_config_id: configId },
    },
    CreateOidcConfigInput: { type: 'structure', members: { managed: { shape: 'Boolean' } } },
    ServiceAccountTokenInput: {
      type: 'structure',
      required: ['cluster_id', 'namespace', 'service_account'],
      members: { cluster_id: clusterId, namespace: str, service_account: str },
    },
    ClusterOidcConfigRef: { type: 'structure', members: { id: str } },
    InstanceRoles: { type: 'structure', members: { master_role_arn: str, worker_role_arn: str } },
  },
}
