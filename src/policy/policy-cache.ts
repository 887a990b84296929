import type { EvaluablePolicy } from './decision.js'

/** A store of evaluable policies by key (kind, form and document text); a cache, never authoritative. */
export interface PolicyCache {
  get(key: string): EvaluablePolicy | undefined
  set(key: string, policy: EvaluablePolicy): void
}

/** A PolicyCache holding at most `capacity` policies, evicting the least recently used. */
export class LruPolicyCache implements PolicyCache {
  readonly #capacity: number
  readonly #entries = new Map<string, EvaluablePolicy>()

  constructor(capacity: number) {
    this.#capacity = Math.max(1, Math.floor(capacity))
  }

  /** The number of cached policies. */
  get size(): number {
    return this.#entries.size
  }

  /** The policy cached under `key`, which becomes the most recently used. */
  get(key: string): EvaluablePolicy | undefined {
    const policy = this.#entries.get(key)
    if (policy !== undefined) {
      // Map keeps insertion order: re-inserting moves the key to the young end.
      this.#entries.delete(key)
      this.#entries.set(key, policy)
    }
    return policy
  }

  /** Caches `policy` under `key`, evicting the least recently used policy when full. */
  set(key: string, policy: EvaluablePolicy): void {
    this.#entries.delete(key)
    this.#entries.set(key, policy)
    if (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next()
      if (!oldest.done) this.#entries.delete(oldest.value)
    }
  }
}
