import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types'
import { ClusterApi } from './cluster-api.js'
import { PROVIDER_SUPPORT_ROLE_NAME } from './cluster-provider.js'
import { assumeRole } from './sts-credentials.js'

/** A support session: the customer Support role's temporary credentials and who holds them. */
export interface SupportSession {
  readonly cluster: string
  readonly roleArn: string
  readonly credentials: Required<AwsCredentialIdentity>
}

/** What a support session needs. */
export interface SupportSessionOptions {
  readonly endpoint: string
  readonly region: string
  /** A provider-account principal allowed to assume RH-Technical-Support-Access. */
  readonly providerCredentials: AwsCredentialIdentity | AwsCredentialIdentityProvider
  readonly providerAccount: string
  /** The cluster's OCM id. */
  readonly clusterId: string
  /** The support engineer's name, in both session names (CloudTrail shows who it was). */
  readonly engineer: string
}

/** sts:AssumeRole, answering the credentials with the role's account (what `Required<AwsCredentialIdentity>` asks). */
async function assume(
  endpoint: string,
  region: string,
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider,
  RoleArn: string,
  RoleSessionName: string,
): Promise<Required<AwsCredentialIdentity>> {
  const assumed = await assumeRole(endpoint, region, credentials, { RoleArn, RoleSessionName })
  // STS always answers a session token with AssumeRole.
  const sessionToken = assumed.sessionToken!
  return Object.assign({}, assumed, {
    sessionToken,
    credentialScope: '',
    accountId: RoleArn.split(':')[4] ?? '',
  })
}

/**
 * `lanyard rosa support-session`: as the provider's RH-Technical-Support-Access role, reads the cluster and
 * assumes its customer Support role through STS; answers those temporary credentials (one hour).
 */
export async function openSupportSession(options: SupportSessionOptions): Promise<SupportSession> {
  const { endpoint, region } = options
  const session = `support-${options.engineer}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64)
  const support = await assume(
    endpoint,
    region,
    options.providerCredentials,
    `arn:aws:iam::${options.providerAccount}:role/${PROVIDER_SUPPORT_ROLE_NAME}`,
    session,
  )
  const cluster = await new ClusterApi({ endpoint, region, credentials: support }).getCluster(
    options.clusterId,
  )
  const roleArn = cluster.aws.sts.support_role_arn
  if (roleArn === undefined) throw new Error(`cluster ${cluster.name} names no Support role`)
  return {
    cluster: cluster.name,
    roleArn,
    credentials: await assume(endpoint, region, support, roleArn, session),
  }
}
