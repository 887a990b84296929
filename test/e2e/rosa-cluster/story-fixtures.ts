import { createPrivateKey } from 'node:crypto'
import { EC2Client } from '@aws-sdk/client-ec2'
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types'
import { SignJWT } from 'jose'
import {
  providerAdminConfig,
  providerConfig,
  runCreateCluster,
} from '../../../src/cli/commands/rosa-cluster.js'
import type { ClusterDocument, OidcConfig, openSupportSession } from '../../../src/rosa/index.js'
import { DEFAULT_PROVIDER_ACCOUNT } from '../../../src/rosa/index.js'
import type { TestServer } from '../start.js'
import { initWithAccountRoles, rosaEnv, unmanagedOidcWithOperatorRoles } from './customer-fixtures.js'

/** What the story needs of a server: where it listens, its data dir and its admin keys. */
export type StoryServer = Pick<TestServer, 'url' | 'dataDir' | 'credentials'>

/** A customer set up the way the `lanyard rosa` commands do it, with a recorded (not yet installed) cluster. */
export interface Story {
  readonly env: NodeJS.ProcessEnv
  readonly oidc: OidcConfig
  readonly cluster: ClusterDocument
  /** The provider's services' credentials: RH-Managed-OpenShift-Platform's web-identity session. */
  readonly provider: AwsCredentialIdentityProvider
  /** The provider account admin's long-term key (what `lanyard rosa init` wrote to the data dir). */
  readonly providerAdmin: AwsCredentialIdentityProvider
}

/** The operator-roles prefix of the story's cluster. */
export const OPERATOR_PREFIX = 'story-ops'

/** rosa init, account roles, OIDC config and provider, operator roles, and the cluster recorded with --no-install. */
export async function setUpStory(server: StoryServer, name: string): Promise<Story> {
  const env = rosaEnv(server.url, server.dataDir)
  const flags = { output: 'text' }
  const quiet = () => {}
  await initWithAccountRoles(env)
  const oidc = await unmanagedOidcWithOperatorRoles(env, OPERATOR_PREFIX)
  const cluster = await runCreateCluster(
    {
      ...flags,
      clusterName: name,
      rolePrefix: 'ManagedOpenShift',
      operatorRolesPrefix: OPERATOR_PREFIX,
      oidcConfigId: oidc.id,
      version: '4.22',
      install: false,
    },
    quiet,
    env,
  )
  return {
    env,
    oidc,
    cluster,
    provider: providerConfig(flags, DEFAULT_PROVIDER_ACCOUNT, env).credentials,
    providerAdmin: providerAdminConfig(flags, DEFAULT_PROVIDER_ACCOUNT, env).credentials,
  }
}

/** `openSupportSession`'s options for the story's cluster, as the provider's services, for `engineer`. */
export const supportSessionOptions = (
  server: StoryServer,
  story: Story,
  engineer: string,
): Parameters<typeof openSupportSession>[0] => ({
  endpoint: server.url,
  region: 'us-east-1',
  providerCredentials: story.provider,
  providerAccount: DEFAULT_PROVIDER_ACCOUNT,
  clusterId: story.cluster.id,
  engineer,
})

type Credentials = AwsCredentialIdentity | AwsCredentialIdentityProvider

/** sts:AssumeRole as `credentials`; answers the session's keys. */
export async function assume(
  server: StoryServer,
  credentials: Credentials,
  RoleArn: string,
  RoleSessionName: string,
) {
  const sts = new STSClient({ endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1 })
  try {
    const c = (await sts.send(new AssumeRoleCommand({ RoleArn, RoleSessionName }))).Credentials!
    return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! }
  } finally {
    sts.destroy()
  }
}

/** A projected service-account token signed with the OIDC configuration's private key (from Secrets Manager). */
export async function serviceAccountToken(
  server: StoryServer,
  story: Story,
  subject: string,
): Promise<string> {
  const secrets = new SecretsManagerClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: server.credentials,
    maxAttempts: 1,
  })
  const pem = (await secrets.send(new GetSecretValueCommand({ SecretId: story.oidc.secretArn })))
    .SecretString!
  secrets.destroy()
  return new SignJWT({ sub: subject })
    .setProtectedHeader({ alg: 'RS256', kid: story.oidc.kid })
    .setIssuer(story.oidc.issuerUrl)
    .setAudience('openshift')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(createPrivateKey(pem))
}

/** sts:AssumeRoleWithWebIdentity with a service-account token (no credentials sign the call). */
export async function assumeWithWebIdentity(server: StoryServer, RoleArn: string, token: string) {
  const sts = new STSClient({ endpoint: server.url, region: 'us-east-1', maxAttempts: 1 })
  try {
    const answer = await sts.send(
      new AssumeRoleWithWebIdentityCommand({ RoleArn, RoleSessionName: 'operator', WebIdentityToken: token }),
    )
    const c = answer.Credentials!
    return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! }
  } finally {
    sts.destroy()
  }
}

/** An EC2 client for `credentials`. */
export const ec2As = (server: StoryServer, credentials: Credentials): EC2Client =>
  new EC2Client({ endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1 })
