import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'
import type { Command } from 'commander'
import { PROFILE, type ServerFlags } from '../../server/index.js'
import { lanyardClientConfig } from './client-config.js'

/** The flags of `lanyard credentials`. */
export interface CredentialsFlags extends ServerFlags {
  readonly roleArn: string
  readonly sourceProfile?: string
  readonly durationSeconds?: string
  readonly roleSessionName?: string
}

/** The JSON a `credential_process` prints (version 1). */
export interface CredentialProcessOutput {
  readonly Version: 1
  readonly AccessKeyId: string
  readonly SecretAccessKey: string
  readonly SessionToken: string
  readonly Expiration: string
}

/**
 * Assumes the role with the source profile's keys (the `lanyard` profile by default; AWS_PROFILE is ignored, since
 * the CLI sets it to the very profile that runs this process) and returns the `credential_process` output.
 */
export async function runCredentials(
  flags: CredentialsFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<CredentialProcessOutput> {
  const { AWS_ACCESS_KEY_ID: _key, AWS_SECRET_ACCESS_KEY: _secret, AWS_SESSION_TOKEN: _token, ...rest } = env
  // `rest` is the destructuring's own copy of the environment: a static key is set on it, no user key is assigned.
  const config = lanyardClientConfig(
    flags,
    Object.assign(rest, { AWS_PROFILE: flags.sourceProfile ?? PROFILE }),
    'STS',
  )
  const duration = flags.durationSeconds === undefined ? undefined : Number(flags.durationSeconds)
  if (duration !== undefined && !Number.isInteger(duration))
    throw new Error(`--duration-seconds must be an integer, not ${flags.durationSeconds}`)
  const client = new STSClient(config)
  try {
    const out = await client.send(
      new AssumeRoleCommand({
        RoleArn: flags.roleArn,
        RoleSessionName: flags.roleSessionName ?? `lanyard-${Date.now()}`,
        ...(duration !== undefined ? { DurationSeconds: duration } : {}),
      }),
    )
    const credentials = out.Credentials!
    return {
      Version: 1,
      AccessKeyId: credentials.AccessKeyId!,
      SecretAccessKey: credentials.SecretAccessKey!,
      SessionToken: credentials.SessionToken!,
      Expiration: credentials.Expiration!.toISOString(),
    }
  } finally {
    client.destroy()
  }
}

/** Registers `lanyard credentials`, for an AWS CLI profile's `credential_process`. */
export function registerCredentials(program: Command): void {
  program
    .command('credentials')
    .description('assume a role and print credential_process JSON (for an AWS CLI profile)')
    .requiredOption('--role-arn <arn>', 'the role to assume')
    .option('--source-profile <profile>', `the profile whose keys assume the role (default ${PROFILE})`)
    .option('--duration-seconds <n>', 'the session duration (default 3600)')
    .option('--role-session-name <name>', 'the session name (default lanyard-<epoch ms>)')
    .option('--host <host>', 'the server address (LANYARD_HOST), when AWS_ENDPOINT_URL is not set')
    .option('--port <port>', 'the server port (LANYARD_PORT), when AWS_ENDPOINT_URL is not set')
    .option('--data-dir <dir>', 'where the credentials file is (LANYARD_DATA_DIR)')
    .action(async (flags: CredentialsFlags) => {
      process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
      try {
        process.stdout.write(`${JSON.stringify(await runCredentials(flags))}\n`)
      } catch (error) {
        process.stderr.write(`lanyard credentials: ${(error as Error).name}: ${(error as Error).message}\n`)
        process.exitCode = 1
      }
    })
}
