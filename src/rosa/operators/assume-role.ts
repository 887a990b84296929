import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types'
import type { TemporaryCredentials } from './refreshing-credentials.js'

/** sts:AssumeRole through the STS endpoint (one hour), answering the temporary credentials. */
export async function assumeRole(
  endpoint: string,
  region: string,
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider,
  input: { RoleArn: string; RoleSessionName: string; ExternalId?: string },
): Promise<TemporaryCredentials> {
  const sts = new STSClient({ endpoint, region, credentials, maxAttempts: 1 })
  try {
    const answer = await sts.send(
      new AssumeRoleCommand({
        ...input,
        RoleSessionName: input.RoleSessionName.slice(0, 64),
        DurationSeconds: 3600,
      }),
    )
    const c = answer.Credentials!
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
