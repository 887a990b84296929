export {
  CLUSTER_OPERATORS,
  type ClusterOperators,
  type OperatorResult,
  type OperatorSession,
  openClusterOperators,
  reconcileClusterOperators,
} from './cluster-operators.js'
export type { ProvisionedVolume } from './ebs-csi.js'
export { registryBucketName } from './image-registry.js'
export { workerNamePrefix } from './machine-api.js'
export type { ClusterOperator, OperatorContext } from './operator.js'
export { type OperatorHostOptions, operatorRoleArn } from './operator-host.js'
export { RefreshingCredentials, type TemporaryCredentials } from './refreshing-credentials.js'
export { mintServiceAccountToken, type ServiceAccountIssuer, TOKEN_AUDIENCE } from './web-identity.js'
