import { EC2Client } from '@aws-sdk/client-ec2'
import { ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing'
import { IAMClient } from '@aws-sdk/client-iam'
import { Route53Client } from '@aws-sdk/client-route-53'
import { S3Client } from '@aws-sdk/client-s3'
import { STSClient } from '@aws-sdk/client-sts'
import type { AwsCredentialIdentity } from '@smithy/types'
import type { ClusterDocument } from '../cluster-api.js'

/** The SDK clients of one operator, all signed with its web-identity session. */
export interface OperatorClients {
  readonly ec2: EC2Client
  readonly elb: ElasticLoadBalancingClient
  readonly iam: IAMClient
  readonly route53: Route53Client
  readonly s3: S3Client
  readonly sts: STSClient
}

/**
 * Builds an operator's clients over its current session. CAUTION: the SDK caches what a credential provider
 * answers until five minutes before it expires, so a renewed or replaced session needs new clients.
 */
export function operatorClients(
  endpoint: string,
  region: string,
  credentials: AwsCredentialIdentity,
): OperatorClients {
  const config = { endpoint, region, credentials, maxAttempts: 1 }
  return {
    ec2: new EC2Client(config),
    elb: new ElasticLoadBalancingClient(config),
    iam: new IAMClient(config),
    route53: new Route53Client(config),
    // Path-style: a loopback endpoint has no per-bucket host names.
    s3: new S3Client(Object.assign({}, config, { forcePathStyle: true })),
    sts: new STSClient(config),
  }
}

/** What an operator works on: the cluster as last read, its clients, its log. */
export interface OperatorContext {
  readonly cluster: ClusterDocument
  readonly region: string
  readonly clients: OperatorClients
  /** Writes one line to the cluster's log (prefixed with the operator's name). */
  log(line: string): Promise<void>
}

/** One cluster operator: its credentials request (namespace, secret, service account) and its reconcile loop body. */
export interface ClusterOperator {
  /** Short name (`machine-api`), as OCM's cluster_operators list names them. */
  readonly name: string
  readonly namespace: string
  /** The CredentialsRequest's secret; the operator role is `<prefix>-<namespace>-<secret>`. */
  readonly secretName: string
  /** The service account whose projected token the operator exchanges (one of its role's trusted subjects). */
  readonly serviceAccount: string
  /** Brings the cluster's AWS resources to what the operator wants; answers the condition's reason. */
  reconcile(ctx: OperatorContext): Promise<string>
}

/** The tag every resource of the cluster carries (`kubernetes.io/cluster/<infra-id>: owned`). */
export const infraTag = (cluster: ClusterDocument): { Key: string; Value: string } => ({
  Key: `kubernetes.io/cluster/${cluster.infra_id}`,
  Value: 'owned',
})

/** The infra-id tag and `Name`. */
export const ownedTags = (cluster: ClusterDocument, name: string): { Key: string; Value: string }[] => [
  infraTag(cluster),
  { Key: 'Name', Value: name },
]

/** The EC2 filter on the infra-id tag. */
export const ownedFilter = (cluster: ClusterDocument) => ({
  Name: `tag:kubernetes.io/cluster/${cluster.infra_id}`,
  Values: ['owned'],
})

/** The cluster's DNS domain (`<name>.<base domain>`). */
export const clusterDomainOf = (cluster: ClusterDocument): string =>
  `${cluster.name}.${cluster.dns.base_domain}`

/** Whether an SDK error carries one of these AWS error codes. */
export function errorCode(error: unknown): string {
  const e = error as { name?: string; Code?: string } | null
  return e?.Code ?? e?.name ?? 'Error'
}

/** Errors that fresh credentials may cure: a revoked or expired session. */
const CREDENTIAL_ERRORS = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'RequestExpired',
])

/** Whether an error is one a new web-identity session may cure. */
export const isCredentialError = (error: unknown): boolean => CREDENTIAL_ERRORS.has(errorCode(error))
