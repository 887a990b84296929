import type { AuditEventRecord, Store } from '../../store/index.js'

/** Where the server puts audit events: buffered, written at least once a second, and on close. */
export interface AuditTrailWriter {
  /** Queues one event. */
  record(event: AuditEventRecord): void
  /** Writes every queued event; resolves when they are stored (or their write failed and was reported). */
  flush(): Promise<void>
  /** Stops the timer and writes what is left. */
  close(): Promise<void>
}

/** Buffers audit events and writes them in batches from this thread: at least once a second, and on close. */
export class AuditWriter implements AuditTrailWriter {
  readonly #store: Store
  readonly #onError: (error: unknown) => void
  #pending: AuditEventRecord[] = []
  #flushing: Promise<void> = Promise.resolve()
  readonly #timer: NodeJS.Timeout

  constructor(store: Store, onError: (error: unknown) => void, intervalMs = 1000) {
    this.#store = store
    this.#onError = onError
    this.#timer = setInterval(() => void this.flush(), intervalMs)
    this.#timer.unref()
  }

  /** Queues one event. */
  record(event: AuditEventRecord): void {
    this.#pending.push(event)
  }

  /** Writes every queued event; resolves when they are stored. A failed batch is queued again. */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(async () => {
      if (this.#pending.length === 0) return
      const batch = this.#pending
      this.#pending = []
      try {
        await this.#store.audit.append(batch)
      } catch (error) {
        this.#pending = batch.concat(this.#pending)
        this.#onError(error)
      }
    })
    return this.#flushing
  }

  /** Stops the timer and writes what is left. */
  async close(): Promise<void> {
    clearInterval(this.#timer)
    await this.flush()
  }
}
