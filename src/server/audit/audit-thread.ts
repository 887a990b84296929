import { Worker } from 'node:worker_threads'
import type { AuditEventRecord, Store, StoreConfig } from '../../store/index.js'
import type { FromAuditThread, ToAuditThread } from './audit-thread-messages.js'
import { type AuditTrailWriter, AuditWriter } from './audit-writer.js'

/**
 * Starts the writer thread from the built module; from the TypeScript sources (the tests run them under tsx, whose
 * loader a worker does not inherit), the thread loads its module through tsx's own import function.
 */
function startThread(workerData: { readonly store: StoreConfig }): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./audit-worker.js', import.meta.url), { workerData })
  const source = new URL('./audit-worker.ts', import.meta.url).href
  return new Worker(
    `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(import.meta.url)}))`,
    { eval: true, workerData },
  )
}

/** Events per batch handed to the thread between timer flushes. */
const HAND_OVER_AT = 64

/**
 * Buffers audit events and hands them, at least once a second and on close, to a writer thread with its own database
 * connection. Each batch is kept until the thread has stored it: if the thread dies, what it had not stored and
 * everything after is written from this thread instead (an `AuditWriter` on `store`).
 */
export class ThreadedAuditWriter implements AuditTrailWriter {
  readonly #store: Store
  readonly #onError: (error: unknown) => void
  readonly #worker: Worker
  readonly #timer: NodeJS.Timeout
  #pending: AuditEventRecord[] = []
  /** Posted batches not yet stored, by id. */
  readonly #unanswered = new Map<number, readonly AuditEventRecord[]>()
  /** Callers of `flush` waiting for the answer to a batch, in posting order. */
  #waiting: Array<{ readonly id: number; readonly resolve: () => void }> = []
  /** The id of the last batch posted; 0 before the first. */
  #lastPosted = 0
  #fallback: AuditWriter | undefined
  #closed = false

  constructor(store: Store, config: StoreConfig, onError: (error: unknown) => void, intervalMs = 1000) {
    this.#store = store
    this.#onError = onError
    this.#worker = startThread({ store: config })
    this.#worker.on('message', (message: FromAuditThread) => this.#answered(message))
    this.#worker.on('error', (error) => this.#takeOver(error))
    this.#worker.on('exit', (code) => {
      if (!this.#closed) this.#takeOver(new Error(`audit writer thread exited with code ${code}`))
    })
    this.#timer = setInterval(() => void this.flush(), intervalMs)
    this.#timer.unref()
  }

  /** Queues one event; a full batch goes to the thread at once, before its events outlive V8's young generation. */
  record(event: AuditEventRecord): void {
    if (this.#fallback !== undefined) this.#fallback.record(event)
    else if (this.#pending.push(event) >= HAND_OVER_AT) this.#handOver()
  }

  /** Hands every queued event to the thread and has it store them; resolves when the thread has answered. */
  flush(): Promise<void> {
    if (this.#fallback !== undefined) return this.#fallback.flush()
    this.#handOver()
    const last = this.#lastPosted
    // Unanswered, or answered with a failure: the thread writes what it still holds.
    if (!this.#unanswered.has(last)) return Promise.resolve()
    this.#post({ kind: 'write', id: last })
    return new Promise((resolve) => this.#waiting.push({ id: last, resolve }))
  }

  /** Posts the queued events as the next batch. */
  #handOver(): void {
    if (this.#pending.length === 0) return
    const id = ++this.#lastPosted
    const events = this.#pending
    this.#pending = []
    this.#unanswered.set(id, events)
    this.#post({ kind: 'append', id, events })
  }

  /** Stops the timer, writes what is left and stops the thread; what the thread failed to store is written from here. */
  async close(): Promise<void> {
    clearInterval(this.#timer)
    await this.flush()
    if (this.#fallback !== undefined) return this.#fallback.close()
    this.#closed = true
    const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()))
    this.#post({ kind: 'close' })
    await exited
    if (this.#unanswered.size > 0) await this.#writeHere().close()
  }

  /** Messages posted before the thread listens wait in its port. */
  #post(message: ToAuditThread): void {
    this.#worker.postMessage(message)
  }

  #answered(message: FromAuditThread): void {
    // Answers come in order, and each covers every earlier batch. After a failure the batches are kept: the thread
    // still holds them, and if it dies they are written from here.
    if (message.kind === 'stored') {
      for (const id of this.#unanswered.keys()) if (id <= message.id) this.#unanswered.delete(id)
    } else this.#onError(new Error(message.failure))
    const answered = this.#waiting.filter((w) => w.id <= message.id)
    this.#waiting = this.#waiting.filter((w) => w.id > message.id)
    for (const { resolve } of answered) resolve()
  }

  /** The thread is gone: everything it had not answered for, and everything after, is written from here. */
  #takeOver(error: unknown): void {
    if (this.#fallback !== undefined) return
    this.#onError(error)
    const fallback = this.#writeHere()
    this.#fallback = fallback
    const waiting = this.#waiting
    this.#waiting = []
    void fallback.flush().then(() => {
      for (const { resolve } of waiting) resolve()
    })
  }

  /** A writer on this thread holding every event the thread has not stored and every one not yet handed over. */
  #writeHere(): AuditWriter {
    const writer = new AuditWriter(this.#store, this.#onError)
    for (const events of this.#unanswered.values()) for (const event of events) writer.record(event)
    for (const event of this.#pending) writer.record(event)
    this.#unanswered.clear()
    this.#pending = []
    return writer
  }
}
