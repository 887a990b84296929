import { dirname, join } from 'node:path'
import { IAMClient } from '@aws-sdk/client-iam'
import { S3Client } from '@aws-sdk/client-s3'
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { STSClient } from '@aws-sdk/client-sts'
import { defaultProvider } from '@aws-sdk/credential-provider-node'
import {
  ensureProviderPlatform,
  getCaller,
  loadRosaDataSet,
  providerPlatformCredentials,
  ROSA_VERSIONS,
  type RosaLog,
} from '../../rosa/index.js'
import { credentialsFile, resolveConfig, type ServerFlags } from '../../server/index.js'
import { accountProfile } from './accounts.js'
import { lanyardClientConfig } from './client-config.js'
import type { RosaFlags } from './rosa-common.js'

/** The data dir's credentials file (or AWS_SHARED_CREDENTIALS_FILE). */
const credentialsPath = (flags: ServerFlags, env: NodeJS.ProcessEnv): string =>
  env.AWS_SHARED_CREDENTIALS_FILE ?? credentialsFile(resolveConfig(flags, env).dataDir)

/** The provider platform's signing key file, beside the credentials file. */
export const platformKeyFile = (flags: ServerFlags, account: string, env: NodeJS.ProcessEnv): string =>
  join(dirname(credentialsPath(flags, env)), `provider-${account}-platform.json`)

/**
 * Client settings as the provider account's admin (profile `lanyard-<id>` of the data dir's credentials file,
 * read afresh: `rosa init` may have just appended it). Only `rosa init` (and the demo's audit reading) use it.
 */
export function providerAdminConfig(flags: RosaFlags, account: string, env: NodeJS.ProcessEnv) {
  const config = lanyardClientConfig(flags, env)
  const filepath = credentialsPath(flags, env)
  return {
    endpoint: config.endpoint,
    region: config.region,
    credentials: defaultProvider({ profile: accountProfile(account), filepath, ignoreCache: true }),
  }
}

/**
 * Client settings as the provider's services: RH-Managed-OpenShift-Platform's web-identity session, from a token
 * signed with the platform's key (no long-term key).
 */
export function providerConfig(flags: RosaFlags, account: string, env: NodeJS.ProcessEnv) {
  const config = lanyardClientConfig(flags, env)
  return {
    endpoint: config.endpoint,
    region: config.region,
    credentials: providerPlatformCredentials({
      endpoint: config.endpoint,
      region: config.region,
      keyFile: platformKeyFile(flags, account, env),
      account,
    }),
  }
}

/** `rosa init`'s last step, as the provider admin: the platform's issuer, OIDC provider and role. */
export async function initProviderPlatform(
  flags: ServerFlags,
  account: string,
  env: NodeJS.ProcessEnv,
  log: RosaLog,
): Promise<string> {
  const admin = providerAdminConfig(flags, account, env)
  const clients = {
    iam: new IAMClient(admin),
    // Path-style: a loopback endpoint has no per-bucket host names.
    s3: new S3Client(Object.assign({}, admin, { forcePathStyle: true })),
    secrets: new SecretsManagerClient(admin),
    sts: new STSClient(admin),
  }
  try {
    const caller = await getCaller(clients)
    return await ensureProviderPlatform(
      clients,
      await loadRosaDataSet(ROSA_VERSIONS[0]!),
      caller,
      { endpoint: admin.endpoint, region: admin.region, keyFile: platformKeyFile(flags, account, env) },
      log,
    )
  } finally {
    for (const client of Object.values(clients)) client.destroy()
  }
}
