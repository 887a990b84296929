import type { Command } from 'commander'
import { startApp } from '../../app.js'
import { PROFILE, resolveConfig, type ServerFlags } from '../../server/index.js'

/** Starts the server and prints where it listens, where the admin credentials are and what to try next. */
export async function runServer(
  flags: ServerFlags,
  out: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const config = resolveConfig(flags)
  const app = await startApp(config)
  const lines = [
    `Lanyard listening on ${app.url}`,
    `Data:        ${config.dataDir}${config.databaseUrl ? ' (store: PostgreSQL)' : ' (store: SQLite)'}`,
    `Credentials: ${app.credentialsFile} (profile ${PROFILE})${app.createdDefaultAccount ? ' — created now' : ''}`,
    '',
    'Try:',
    `  eval "$(lanyard env)"   # or: npx lanyard env`,
    `  aws --endpoint-url ${app.url} sts get-caller-identity`,
    '',
  ]
  out.write(`${lines.join('\n')}\n`)
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    out.write(`${signal}: shutting down\n`)
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.once('SIGINT', () => stop('SIGINT'))
}

/** Registers `lanyard server`. */
export function registerServer(program: Command): void {
  program
    .command('server')
    .description('start the Lanyard server (IAM, STS and the cloud services on one endpoint)')
    .option('--host <host>', 'address to listen on (LANYARD_HOST; default 127.0.0.1)')
    .option('--port <port>', 'port to listen on (LANYARD_PORT; default 4566)')
    .option('--data-dir <dir>', 'where state is kept (LANYARD_DATA_DIR; default ./.lanyard)')
    .action(async (flags: ServerFlags) => runServer(flags))
}
