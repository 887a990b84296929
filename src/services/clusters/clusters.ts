import { AwsError } from '../../kernel/aws-error.js'
import { compilePolicy, type EvaluablePolicy, LruPolicyCache, parsePolicy } from '../../policy/index.js'
import type { CloudResourceRecord, Store } from '../../store/index.js'
import type { OperationContext } from '../operation.js'

/** The cluster states, in the order an installation goes through them. */
export const CLUSTER_STATES = [
  'pending',
  'installing',
  'ready',
  'error',
  'uninstalling',
  'uninstalled',
] as const

/** One cluster state (OCM `state`). */
export type ClusterState = (typeof CLUSTER_STATES)[number]

/** One line of a cluster's install log. */
export interface InstallLogLine {
  readonly at: string
  readonly line: string
}

/** OCM's cluster-operator conditions (`metric_queries/cluster_operators`). */
export const OPERATOR_CONDITIONS = ['available', 'degraded', 'failing', 'upgrading'] as const

/** The last condition one operator reported. */
export interface OperatorConditionRecord {
  readonly condition: (typeof OPERATOR_CONDITIONS)[number]
  readonly reason: string
  readonly at: string
}

/** The stored attributes of a cluster (camelCase; the wire document is built by mappers.ts). */
export interface ClusterAttributes {
  readonly [key: string]: unknown
  readonly ocmId: string
  readonly name: string
  readonly infraId: string
  readonly domain: string
  readonly state: ClusterState
  readonly description: string
  readonly multiAz: boolean
  readonly computeNodes: number
  readonly version: string
  readonly sts: {
    readonly roleArn: string
    readonly supportRoleArn?: string
    readonly externalId?: string
    readonly operatorRolePrefix?: string
    readonly oidcConfigId?: string
    readonly masterRoleArn?: string
    readonly workerRoleArn?: string
  }
  /** The cluster's resource policy (JSON text): what the provider's roles may do on it. */
  readonly policy: string
  readonly installLog: readonly InstallLogLine[]
  /** The operators' last conditions, by operator name (reported by the operators through UpdateClusterStatus). */
  readonly operators?: Readonly<Record<string, OperatorConditionRecord>>
}

/** A stored cluster. */
export type ClusterRecord = CloudResourceRecord<ClusterAttributes>

/** The most install-log lines a cluster keeps (the oldest go first). */
export const MAX_LOG_LINES = 2000

/** A cluster's ARN (`arn:aws:clusters:<region>:<account>:cluster/<name>`). */
export const clusterArn = (region: string, account: string, name: string): string =>
  `arn:aws:clusters:${region}:${account}:cluster/${name}`

/** The ARN of the global row mapping an OCM cluster id to its cluster's ARN. */
export const clusterIdArn = (ocmId: string): string => `arn:aws:clusters:::cluster-id/${ocmId}`

/** OCM's 404 for a cluster id or name no cluster has. */
export const clusterNotFound = (ref: string): AwsError =>
  new AwsError('CLUSTERS-MGMT-404', 404, `Cluster '${ref}' not found`)

/**
 * Finds a cluster by name in the caller's account and region, or by OCM id in any account (the provider's
 * installer reaches customer clusters by id; the cluster's resource policy then decides).
 */
export async function findCluster(ctx: OperationContext, ref: string): Promise<ClusterRecord | undefined> {
  const account = ctx.caller?.principal.account
  if (account !== undefined) {
    const byName = await ctx.store.cloudResources.find<ClusterAttributes>({
      accountId: account,
      region: ctx.region,
      service: 'clusters',
      type: 'cluster',
      id: ref,
    })
    if (byName !== undefined) return byName
  }
  return byOcmId(ctx.store, ref)
}

async function byOcmId(store: Store, ocmId: string): Promise<ClusterRecord | undefined> {
  const index = await store.cloudResources.get<{ arn: string }>(clusterIdArn(ocmId))
  return index === undefined ? undefined : store.cloudResources.get<ClusterAttributes>(index.attributes.arn)
}

/** Finds a cluster or throws OCM's 404. */
export async function requireCluster(ctx: OperationContext, ref: string): Promise<ClusterRecord> {
  const cluster = await findCluster(ctx, ref)
  if (cluster === undefined) throw clusterNotFound(ref)
  return cluster
}

const policies = new LruPolicyCache(500)

/** The evaluable form of a cluster's resource policy. */
export function clusterPolicy(cluster: ClusterRecord): EvaluablePolicy | undefined {
  const text = cluster.attributes.policy
  const cached = policies.get(text)
  if (cached !== undefined) return cached
  const parsed = parsePolicy(text)
  if (!parsed.ok) return undefined
  const policy = compilePolicy(parsed.document, 'resource')
  policies.set(text, policy)
  return policy
}

/**
 * The resource policy a new cluster gets: the provider's installer role may read it, report progress and get
 * its operators' service-account tokens (managed OIDC); its
 * support role (same account, RH-Technical-Support-Access) may read it.
 */
export function providerPolicy(arn: string, installerRoleArn: string): string {
  const supportRoleArn = installerRoleArn.replace(/:role\/.*$/, ':role/RH-Technical-Support-Access')
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ManagedServiceInstaller',
        Effect: 'Allow',
        Principal: { AWS: installerRoleArn },
        Action: [
          'clusters:GetCluster',
          'clusters:UpdateClusterStatus',
          'clusters:GetClusterInstallLogs',
          'clusters:CreateServiceAccountToken',
        ],
        Resource: arn,
      },
      {
        Sid: 'ManagedServiceSupport',
        Effect: 'Allow',
        Principal: { AWS: supportRoleArn },
        Action: ['clusters:GetCluster'],
        Resource: arn,
      },
    ],
  })
}
