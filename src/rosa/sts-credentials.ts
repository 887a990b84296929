import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  type Credentials,
  STSClient,
} from '@aws-sdk/client-sts'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types'

/** Temporary credentials with their expiry (what STS answers). */
export type TemporaryCredentials = AwsCredentialIdentity & { readonly expiration: Date }

/** AWS: a role session name is at most 64 characters. */
const MAX_SESSION_NAME = 64

/** Sends one STS call that answers credentials, through a one-attempt client closed afterwards. */
async function stsCredentials(
  config: {
    endpoint: string
    region: string
    credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider
  },
  send: (sts: STSClient) => Promise<{ Credentials?: Credentials }>,
): Promise<TemporaryCredentials> {
  const sts = new STSClient({
    endpoint: config.endpoint,
    region: config.region,
    credentials: config.credentials,
    maxAttempts: 1,
  })
  try {
    const c = (await send(sts)).Credentials!
    return {
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken!,
      expiration: c.Expiration!,
    }
  } finally {
    sts.destroy()
  }
}

/** sts:AssumeRole through the STS endpoint (one hour; the session name cut to 64 characters). */
export function assumeRole(
  endpoint: string,
  region: string,
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider,
  input: { RoleArn: string; RoleSessionName: string; ExternalId?: string },
): Promise<TemporaryCredentials> {
  return stsCredentials({ endpoint, region, credentials }, (sts) =>
    sts.send(
      new AssumeRoleCommand(
        Object.assign({}, input, {
          RoleSessionName: input.RoleSessionName.slice(0, MAX_SESSION_NAME),
          DurationSeconds: 3600,
        }),
      ),
    ),
  )
}

/**
 * sts:AssumeRoleWithWebIdentity through the STS endpoint (the session name cut to 64 characters). The call is
 * unsigned: the token is the only proof.
 */
export function assumeRoleWithWebIdentity(
  endpoint: string,
  region: string,
  input: { RoleArn: string; RoleSessionName: string; WebIdentityToken: string; DurationSeconds?: number },
): Promise<TemporaryCredentials> {
  // AWS: AssumeRoleWithWebIdentity is not signed (the SDK's model says no auth); these credentials go unused,
  // and keep the SDK from looking for any of its own.
  const unused = { accessKeyId: 'unused', secretAccessKey: 'unused' }
  return stsCredentials({ endpoint, region, credentials: unused }, (sts) =>
    sts.send(
      new AssumeRoleWithWebIdentityCommand(
        Object.assign({}, input, { RoleSessionName: input.RoleSessionName.slice(0, MAX_SESSION_NAME) }),
      ),
    ),
  )
}
