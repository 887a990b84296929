import cluster, { type Worker } from 'node:cluster'
import type { Logger } from 'pino'
import { serveClusterMetrics } from '../observability/index.js'
import { isListeningMessage, type WorkerListening } from './listening.js'

/** How long a stop waits for the workers to drain (10 s each, in parallel) and exit before it kills them. */
const STOP_TIMEOUT_MS = 15_000

/** A worker that died before it listened is replaced after this pause, so one that cannot start does not spin. */
const RESTART_DELAY_MS = 1000

/**
 * The primary of `lanyard server --workers N`: forks the workers (each re-runs the same command line and starts the
 * app on the same configuration; node:cluster shares the listening socket), replaces a worker that dies, answers the
 * workers' `/metrics` requests, and stops them all. It opens no store itself.
 */
export class ClusterPrimary {
  readonly #size: number
  readonly #logger: Logger
  readonly #listening = new Set<Worker>()
  readonly #restarts = new Set<NodeJS.Timeout>()
  /** Removes what `start` registered on node:cluster, once every worker is gone. */
  readonly #unsubscribe: (() => void)[] = []
  /** Workers forked that have neither reported listening nor exited. */
  #starting = 0
  #started = false
  #stopping = false

  constructor(size: number, logger: Logger) {
    this.#size = size
    this.#logger = logger
  }

  /**
   * Forks the first worker and waits until it listens (it alone bootstraps a new data dir: master key, database,
   * default account, credentials file), then forks the others; resolves with what the first one reported.
   */
  async start(): Promise<WorkerListening> {
    this.#unsubscribe.push(serveClusterMetrics(() => this.#starting === 0))
    const onExit = (worker: Worker, code: number | null, signal: string | null) =>
      this.#onExit(worker, code, signal)
    cluster.on('exit', onExit)
    this.#unsubscribe.push(() => cluster.off('exit', onExit))
    const first = await this.#fork()
    await Promise.all(Array.from({ length: this.#size - 1 }, () => this.#fork()))
    this.#started = true
    this.#logger.info(
      { workers: [...this.#listening].map((worker) => worker.process.pid) },
      'cluster listening',
    )
    return first
  }

  /**
   * Sends every worker SIGTERM (each drains and stops its app) and waits for all to exit; true when all exited 0
   * (or, for a worker that had not listened yet, were ended by the SIGTERM).
   */
  async stop(): Promise<boolean> {
    this.#stopping = true
    for (const timer of this.#restarts) clearTimeout(timer)
    const workers = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined)
    const exits = workers.map((worker) => {
      // A worker still starting has no requests to drain: SIGTERM ends it before it handles signals.
      const starting = !this.#listening.has(worker)
      return new Promise<boolean>((resolve) => {
        const clean = (code: number | null, signal: string | null) =>
          code === 0 || (starting && signal === 'SIGTERM')
        if (worker.isDead()) resolve(clean(worker.process.exitCode, worker.process.signalCode))
        else worker.once('exit', (code, signal) => resolve(clean(code, signal)))
      })
    })
    for (const worker of workers) if (!worker.isDead()) worker.process.kill('SIGTERM')
    const deadline = setTimeout(() => {
      for (const worker of workers) {
        if (worker.isDead()) continue
        this.#logger.error({ pid: worker.process.pid }, 'worker did not stop in time; killing it')
        worker.process.kill('SIGKILL')
      }
    }, STOP_TIMEOUT_MS)
    const clean = (await Promise.all(exits)).every(Boolean)
    clearTimeout(deadline)
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe()
    return clean
  }

  /** Forks one worker; resolves when it reports listening, rejects when it exits before. */
  #fork(): Promise<WorkerListening> {
    const worker = cluster.fork()
    this.#starting++
    return new Promise((resolve, reject) => {
      const onMessage = (message: unknown) => {
        if (!isListeningMessage(message)) return
        this.#starting--
        worker.off('message', onMessage)
        worker.off('exit', onEarlyExit)
        this.#listening.add(worker)
        resolve(message)
      }
      const onEarlyExit = (code: number | null, signal: string | null) => {
        this.#starting--
        worker.off('message', onMessage)
        reject(
          new Error(`worker ${worker.process.pid} exited (${signal ?? `code ${code}`}) before it listened`),
        )
      }
      worker.on('message', onMessage)
      worker.once('exit', onEarlyExit)
    })
  }

  #onExit(worker: Worker, code: number | null, signal: string | null): void {
    const wasListening = this.#listening.delete(worker)
    // While starting, a worker that exits before it listens fails `start` instead.
    if (this.#stopping || (!this.#started && !wasListening)) return
    this.#logger.error(
      { pid: worker.process.pid, code, signal, wasListening },
      'worker exited unexpectedly; starting a replacement',
    )
    const timer = setTimeout(
      () => {
        this.#restarts.delete(timer)
        if (this.#stopping) return
        this.#fork().then(
          (listening) => this.#logger.info({ url: listening.url }, 'replacement worker listening'),
          // Its exit is handled (and it replaced) by this same handler.
          () => undefined,
        )
      },
      wasListening ? 0 : RESTART_DELAY_MS,
    )
    this.#restarts.add(timer)
  }
}
