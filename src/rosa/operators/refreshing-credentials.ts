import type { AwsCredentialIdentityProvider } from '@smithy/types'
import type { TemporaryCredentials } from '../sts-credentials.js'

export type { TemporaryCredentials }

/** When to fetch new credentials: `refreshBeforeMs` before they expire (5 minutes by default, as the SDKs do). */
export interface RefreshPolicy {
  readonly refreshBeforeMs?: number
  /** Milliseconds since the epoch; `Date.now` by default. */
  readonly now?: () => number
}

/**
 * Temporary credentials that fetch themselves again (`fetch`, an STS call) when they come within
 * `refreshBeforeMs` of their expiry, or after `invalidate()` (an AccessDenied after a revocation).
 * CAUTION: an SDK v3 client caches what a provider answers until five minutes before expiry, so callers that need
 * a renewal or an `invalidate()` to take effect build their clients over `get()`'s answer instead of `provider`.
 */
export class RefreshingCredentials {
  private current: TemporaryCredentials | undefined
  private pending: Promise<TemporaryCredentials> | undefined
  private fetched = 0
  private readonly refreshBeforeMs: number
  private readonly now: () => number

  constructor(
    private readonly fetch: () => Promise<TemporaryCredentials>,
    policy: RefreshPolicy = {},
  ) {
    this.refreshBeforeMs = policy.refreshBeforeMs ?? 5 * 60_000
    this.now = policy.now ?? Date.now
  }

  /** A credential provider over these credentials (for signers that ask on every request). */
  readonly provider: AwsCredentialIdentityProvider = () => this.get()

  /** How many times the credentials were fetched (one STS call each). */
  get fetchCount(): number {
    return this.fetched
  }

  /** The current access key id, if any credentials were fetched. */
  get accessKeyId(): string | undefined {
    return this.current?.accessKeyId
  }

  /** The current credentials, fetched first when there are none or they are about to expire. */
  async get(): Promise<TemporaryCredentials> {
    const c = this.current
    if (c !== undefined && c.expiration.getTime() - this.refreshBeforeMs > this.now()) return c
    this.pending ??= this.fetch()
      .then((fresh) => {
        this.fetched++
        this.current = fresh
        return fresh
      })
      .finally(() => {
        this.pending = undefined
      })
    return this.pending
  }

  /** Drops the current credentials: the next request fetches new ones. */
  invalidate(): void {
    this.current = undefined
  }
}
