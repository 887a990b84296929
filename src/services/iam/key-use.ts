import type { Repositories } from '../../store/index.js'

/** How often one key's last use is written at most. */
const DEFAULT_INTERVAL_MS = 60_000

/**
 * Records GetAccessKeyLastUsed data for long-term keys (`AKIA…`), writing at most once per
 * interval per key so that signing requests does not turn every read into a write. AWS itself
 * reports last use with a delay.
 */
export class AccessKeyUseRecorder {
  readonly #store: Pick<Repositories, 'accessKeys'>
  readonly #intervalMs: number
  readonly #onError: (error: unknown) => void
  readonly #written = new Map<string, number>()

  constructor(
    store: Pick<Repositories, 'accessKeys'>,
    onError: (error: unknown) => void,
    intervalMs = DEFAULT_INTERVAL_MS,
  ) {
    this.#store = store
    this.#onError = onError
    this.#intervalMs = intervalMs
  }

  /** Notes one authenticated request; returns the write when one was started (for tests), else undefined. */
  record(accessKeyId: string, at: Date, service: string, region: string): Promise<void> | undefined {
    if (!accessKeyId.startsWith('AKIA')) return undefined
    const last = this.#written.get(accessKeyId)
    if (last !== undefined && at.getTime() - last < this.#intervalMs) return undefined
    this.#written.delete(accessKeyId)
    this.#written.set(accessKeyId, at.getTime())
    // Bounded: the oldest entries go first (a dropped key is at worst written once more).
    if (this.#written.size > 100_000) this.#written.delete(this.#written.keys().next().value!)
    return this.#store.accessKeys.recordUse(accessKeyId, at, service, region).then(
      () => undefined,
      (error: unknown) => this.#onError(error),
    )
  }
}
