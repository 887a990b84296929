import type { ChangeFeed } from '../../store/index.js'

/**
 * Values derived from the store, by key (here: resolved credentials by access key id). Never
 * authoritative: every notice on the store's change feed, whatever its topic, drops every entry,
 * and a load that was in flight when the notice came is not kept. Bounded; the least recently
 * used entry goes first.
 */
export class DerivedCache<T> {
  readonly #changes: ChangeFeed
  readonly #limit: number
  readonly #entries = new Map<string, Promise<T>>()
  #subscribed: Promise<unknown> | undefined
  #listening = false

  constructor(changes: ChangeFeed, limit = 10_000) {
    this.#changes = changes
    this.#limit = limit
  }

  /** The cached value of `key`, or the result of `load`, kept until the next change notice. Failed loads are not kept. */
  async get(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.#listening && !(await this.#listen())) return load()
    this.#changes.catchUp()
    const hit = this.#entries.get(key)
    if (hit !== undefined) {
      this.#entries.delete(key)
      this.#entries.set(key, hit)
      return hit
    }
    const loading = load()
    this.#entries.set(key, loading)
    if (this.#entries.size > this.#limit) this.#entries.delete(this.#entries.keys().next().value!)
    loading.catch(() => {
      if (this.#entries.get(key) === loading) this.#entries.delete(key)
    })
    return loading
  }

  /** Drops every entry; in-flight loads finish for their callers but are not kept. */
  clear(): void {
    this.#entries.clear()
  }

  /** Nothing is cached before the subscription is live, so no change notice can be missed; false while it cannot be. */
  async #listen(): Promise<boolean> {
    this.#subscribed ??= this.#changes.subscribe(() => this.clear())
    try {
      await this.#subscribed
      this.#listening = true
    } catch {
      this.#subscribed = undefined
    }
    return this.#listening
  }
}
