import cluster from 'node:cluster'
import type { Command } from 'commander'
import { startApp } from '../../app.js'
import { resolveConfig, type ServerConfig, type ServerFlags } from '../../server/index.js'
import { banner, stopOnSignals } from './server-banner.js'
import { runPrimary, runWorker } from './server-cluster.js'

/**
 * Starts the server and prints where it listens, where the admin credentials are and what to try next. With
 * `--workers N` (N > 1) this process becomes the cluster primary and each worker re-runs this same command.
 */
export async function runServer(
  flags: ServerFlags,
  out: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const config: ServerConfig = resolveConfig(flags)
  if (cluster.isWorker) return runWorker(config)
  if (config.workers > 1) return runPrimary(config, out)
  const app = await startApp(config)
  out.write(banner(config, app))
  stopOnSignals(out, () => app.stop())
}

/** Registers `lanyard server`. */
export function registerServer(program: Command): void {
  program
    .command('server')
    .description('start the Lanyard server (IAM, STS and the cloud services on one endpoint)')
    .option('--host <host>', 'address to listen on (LANYARD_HOST; default 127.0.0.1)')
    .option('--port <port>', 'port to listen on (LANYARD_PORT; default 4566)')
    .option('--data-dir <dir>', 'where state is kept (LANYARD_DATA_DIR; default ./.lanyard)')
    .option('--workers <n>', 'server processes sharing the port (LANYARD_WORKERS; default 1)')
    .action(async (flags: ServerFlags) => runServer(flags))
}
