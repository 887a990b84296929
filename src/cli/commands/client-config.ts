import { defaultProvider } from '@aws-sdk/credential-provider-node'
import { credentialsFile, PROFILE, resolveConfig, type ServerFlags } from '../../server/index.js'
import { localEndpoint } from './env.js'

/** What an AWS SDK v3 client needs to reach Lanyard. */
export interface LanyardClientConfig {
  readonly endpoint: string
  readonly region: string
  readonly credentials: ReturnType<typeof defaultProvider>
}

/**
 * The client settings `lanyard env` describes — the data dir's credentials file, profile `lanyard`, the local
 * endpoint — through the standard credential chain, so AWS_ACCESS_KEY_ID, AWS_PROFILE,
 * AWS_SHARED_CREDENTIALS_FILE, AWS_ENDPOINT_URL and AWS_REGION override them as they would for any client.
 */
export function lanyardClientConfig(
  flags: ServerFlags,
  env: NodeJS.ProcessEnv = process.env,
  serviceEnvSuffix = '',
): LanyardClientConfig {
  const config = resolveConfig(flags, env)
  const serviceEndpoint = serviceEnvSuffix ? env[`AWS_ENDPOINT_URL_${serviceEnvSuffix}`] : undefined
  const hasServerFlag = flags.host !== undefined || flags.port !== undefined
  return {
    endpoint: serviceEndpoint ?? (hasServerFlag ? undefined : env.AWS_ENDPOINT_URL) ?? localEndpoint(config),
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    credentials: defaultProvider({
      // The SDK skips AWS_ACCESS_KEY_ID once a profile is named, so `lanyard` is named only without keys.
      filepath: env.AWS_SHARED_CREDENTIALS_FILE ?? credentialsFile(config.dataDir),
      ...(env.AWS_ACCESS_KEY_ID && !env.AWS_PROFILE ? {} : { profile: env.AWS_PROFILE ?? PROFILE }),
    }),
  }
}
