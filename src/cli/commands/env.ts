import type { Command } from 'commander'
import {
  credentialsFile,
  PROFILE,
  resolveConfig,
  type ServerConfig,
  type ServerFlags,
} from '../../server/index.js'

/** The URL clients reach a server of this configuration at (a wildcard listen address becomes 127.0.0.1). */
export function localEndpoint(config: Pick<ServerConfig, 'host' | 'port'>): string {
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`
}

/** The `export AWS_…` lines that point the AWS CLI and SDKs at this Lanyard. */
export function envLines(flags: ServerFlags, env: NodeJS.ProcessEnv = process.env): string[] {
  const config = resolveConfig(flags, env)
  return [
    `export AWS_SHARED_CREDENTIALS_FILE=${credentialsFile(config.dataDir)}`,
    `export AWS_PROFILE=${PROFILE}`,
    'export AWS_REGION=us-east-1',
    'export AWS_DEFAULT_REGION=us-east-1',
    `export AWS_ENDPOINT_URL=${localEndpoint(config)}`,
  ]
}

/** Registers `lanyard env`. */
export function registerEnv(program: Command): void {
  program
    .command('env')
    .description('print the export lines that point AWS clients at Lanyard')
    .option('--host <host>', 'the server address (LANYARD_HOST)')
    .option('--port <port>', 'the server port (LANYARD_PORT)')
    .option('--data-dir <dir>', 'the data dir (LANYARD_DATA_DIR)')
    .action((flags: ServerFlags) => {
      process.stdout.write(`${envLines(flags).join('\n')}\n`)
    })
}
