import { startApp } from '../../app.js'
import {
  ClusterPrimary,
  createLogger,
  joinClusterMetrics,
  reportListening,
  type ServerConfig,
} from '../../server/index.js'
import { banner, stopOnSignals } from './server-banner.js'

/**
 * `lanyard server --workers N`: forks the workers (the first alone, until it listens, so that only it bootstraps a
 * new data dir), prints the banner once, and on SIGTERM/SIGINT stops every worker and exits.
 */
export async function runPrimary(config: ServerConfig, out: NodeJS.WritableStream): Promise<void> {
  const primary = new ClusterPrimary(config.workers, createLogger(config.logLevel))
  let first: Awaited<ReturnType<ClusterPrimary['start']>>
  try {
    first = await primary.start()
  } catch (error) {
    await primary.stop()
    throw error
  }
  out.write(banner(config, first))
  stopOnSignals(out, async () => {
    if (!(await primary.stop())) throw new Error('a worker did not stop cleanly')
  })
}

/**
 * One worker of `lanyard server --workers N`: the same app as a single process, with `/metrics` answered for the
 * whole cluster. It stops on SIGTERM/SIGINT (the primary sends SIGTERM). CAUTION: when the primary vanishes
 * (`kill -9`), node:cluster exits the worker at once, without a drain, like `kill -9` of a single process.
 */
export async function runWorker(config: ServerConfig): Promise<void> {
  // Before the app starts, so that a metrics collection during this worker's start is answered (with nothing).
  joinClusterMetrics()
  const app = await startApp(config, { clusterWorker: true })
  reportListening(app)
  stopOnSignals(undefined, () => app.stop())
}
