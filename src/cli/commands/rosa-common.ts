import { IAMClient } from '@aws-sdk/client-iam'
import { S3Client } from '@aws-sdk/client-s3'
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { STSClient } from '@aws-sdk/client-sts'
import type { Command } from 'commander'
import { ClusterApi, type RosaClients, type RosaLog } from '../../rosa/index.js'
import type { ServerFlags } from '../../server/index.js'
import { lanyardClientConfig } from './client-config.js'

/** Flags every `lanyard rosa` command takes. */
export interface RosaFlags extends ServerFlags {
  /** `text` (one line per step, the default) or `json` (one document at the end, for scripts). */
  readonly output?: string
  /** Accepted for scripts; Lanyard's rosa commands never prompt. */
  readonly yes?: boolean
}

/** The SDK clients of a rosa command, their S3 endpoint (undefined against real AWS) and region. */
export interface RosaSession {
  readonly clients: RosaClients
  readonly s3Endpoint: string | undefined
  readonly region: string
  destroy(): void
}

/** Builds the IAM, S3, Secrets Manager and STS clients and the cluster service client through the chain `lanyard env` describes. */
export function rosaSession(flags: ServerFlags, env: NodeJS.ProcessEnv = process.env): RosaSession {
  const s3Config = lanyardClientConfig(flags, env, 'S3')
  const sdk = {
    iam: new IAMClient(lanyardClientConfig(flags, env, 'IAM')),
    // Path-style: a loopback endpoint has no per-bucket host names.
    s3: new S3Client(Object.assign({}, s3Config, { forcePathStyle: true })),
    secrets: new SecretsManagerClient(lanyardClientConfig(flags, env, 'SECRETS_MANAGER')),
    sts: new STSClient(lanyardClientConfig(flags, env, 'STS')),
  }
  const base = lanyardClientConfig(flags, env)
  const clients: RosaClients = {
    iam: sdk.iam,
    s3: sdk.s3,
    secrets: sdk.secrets,
    sts: sdk.sts,
    // The cluster service (managed OIDC configurations) lives on the Lanyard endpoint.
    clusters: new ClusterApi({ endpoint: base.endpoint, region: base.region, credentials: base.credentials }),
  }
  return {
    clients,
    s3Endpoint: s3Config.endpoint,
    region: s3Config.region,
    destroy() {
      for (const client of Object.values(sdk)) client.destroy()
    },
  }
}

/** Adds the flags every rosa command takes. */
export function withRosaFlags(command: Command): Command {
  return command
    .option('--output <format>', 'text (one line per step) or json', 'text')
    .option('-y, --yes', 'never ask (Lanyard never asks; accepted for scripts)')
    .option('--host <host>', 'the server address (LANYARD_HOST), when AWS_ENDPOINT_URL is not set')
    .option('--port <port>', 'the server port (LANYARD_PORT), when AWS_ENDPOINT_URL is not set')
    .option('--data-dir <dir>', 'where the credentials file is (LANYARD_DATA_DIR)')
}

/**
 * Runs a rosa command: progress lines on stdout in text mode, the result as JSON in json mode; an error prints
 * `lanyard rosa <name>: <what failed>` on stderr and sets exit code 1.
 */
export async function runRosaAction<T>(
  name: string,
  flags: RosaFlags,
  run: (log: RosaLog) => Promise<T>,
  summary: (result: T) => string[] = () => [],
): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  const json = flags.output === 'json'
  if (flags.output !== undefined && flags.output !== 'json' && flags.output !== 'text') {
    process.stderr.write(`lanyard rosa ${name}: --output must be text or json\n`)
    process.exitCode = 1
    return
  }
  try {
    const result = await run((line) => {
      if (!json) process.stdout.write(`${line}\n`)
    })
    if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
    else for (const line of summary(result)) process.stdout.write(`${line}\n`)
  } catch (error) {
    const e = error as Error
    const code = e.name && e.name !== 'Error' ? `${e.name}: ` : ''
    process.stderr.write(`lanyard rosa ${name}: ${code}${e.message}\n`)
    process.exitCode = 1
  }
}
