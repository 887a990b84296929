import type { EC2Client } from '@aws-sdk/client-ec2'
import type { ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing'
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import type { IAMClient } from '@aws-sdk/client-iam'
import type { Route53Client } from '@aws-sdk/client-route-53'
import type { S3Client } from '@aws-sdk/client-s3'
import type { ClusterDocument } from '../cluster-api.js'

/** The SDK clients the installer builds with: all signed with the customer Installer role's session. */
export interface InstallClients {
  readonly ec2: EC2Client
  readonly elb: ElasticLoadBalancingClient
  readonly elbv2: ElasticLoadBalancingV2Client
  readonly iam: IAMClient
  readonly route53: Route53Client
  readonly s3: S3Client
}

/** What the installer found or built so far, by role (filled in by the steps, in order). */
export interface InstallState {
  vpcId?: string
  vpcCidr?: string
  zones?: readonly string[]
  publicSubnets?: readonly string[]
  privateSubnets?: readonly string[]
  controlPlaneSecurityGroup?: string
  loadBalancerSecurityGroup?: string
  hostedZoneId?: string
  apiTargetGroupArn?: string
  apiLoadBalancer?: { readonly dnsName: string; readonly zoneId: string }
  masterProfile?: string
  workerProfile?: string
  bootstrapDone?: boolean
}

/** One installation: the cluster, its clients, its infra-id tag and its progress log. */
export interface InstallContext {
  readonly cluster: ClusterDocument
  readonly region: string
  readonly clients: InstallClients
  readonly state: InstallState
  /** Writes one progress line (to the cluster's install log). */
  log(line: string): Promise<void>
}

/** The tag every resource of the cluster carries (`kubernetes.io/cluster/<infra-id>: owned`). */
export const infraTagKey = (infraId: string): string => `kubernetes.io/cluster/${infraId}`

/** The cluster's tags for a resource called `name`: the infra-id tag and `Name`. */
export function clusterTags(ctx: InstallContext, name: string): { Key: string; Value: string }[] {
  return [
    { Key: infraTagKey(ctx.cluster.infra_id), Value: 'owned' },
    { Key: 'Name', Value: name },
  ]
}

/** EC2 filters for the cluster's resource called `name`. */
export function ownedFilters(ctx: InstallContext, name: string): { Name: string; Values: string[] }[] {
  return [
    { Name: `tag:${infraTagKey(ctx.cluster.infra_id)}`, Values: ['owned'] },
    { Name: 'tag:Name', Values: [name] },
  ]
}

/** Whether an SDK error carries one of these AWS error codes. */
export function hasCode(error: unknown, ...codes: string[]): boolean {
  const e = error as { name?: string; Code?: string } | null
  return codes.includes(e?.name ?? '') || codes.includes(e?.Code ?? '')
}

/** One installation step: idempotent, it finds what exists by the infra-id tag before creating anything. */
export interface InstallStep {
  readonly name: string
  run(ctx: InstallContext): Promise<void>
}
