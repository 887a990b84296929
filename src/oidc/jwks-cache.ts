import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose'
import { isAcceptedIssuer } from './issuer-url.js'

/** How long key sets are kept, how long a fetch may take, and how often an unknown kid may refetch. */
export interface JwksCacheOptions {
  readonly ttlMs: number
  readonly timeoutMs: number
  /** After a refetch for an unknown kid, further unknown kids use the set as it is for this long. */
  readonly refetchCooldownMs: number
}

/** AWS: an issuer that answers in more than about five seconds counts as unreachable. */
const DEFAULTS: JwksCacheOptions = { ttlMs: 3_600_000, timeoutMs: 5_000, refetchCooldownMs: 30_000 }

interface KeySet {
  readonly keys: JWTVerifyGetKey
  /** The instant (server clock, ms) after which the set is fetched again. */
  readonly until: number
  /** Set when this set was fetched because a token named a kid the previous set lacked. */
  readonly refetchedAt?: number
}

/**
 * Key sets per issuer, found through `<iss>/.well-known/openid-configuration`, timed by the server's clock:
 * a set is kept for `ttlMs`, and a token whose kid the set lacks fetches it again at once (a rotated key),
 * at most once per `refetchCooldownMs` per issuer.
 */
export class JwksCache {
  readonly #options: JwksCacheOptions
  readonly #sets = new Map<string, KeySet>()
  readonly #loading = new Map<string, Promise<KeySet>>()

  constructor(options: Partial<JwksCacheOptions> = {}) {
    this.#options = { ...DEFAULTS, ...options }
  }

  /** The key resolver of an issuer at `nowMs`; throws when discovery or the key set fetch fails. */
  async keysFor(issuer: string, nowMs: number): Promise<JWTVerifyGetKey> {
    const cached = this.#sets.get(issuer)
    const set = cached !== undefined && cached.until > nowMs ? cached : await this.#load(issuer, nowMs, false)
    return async (header, token) => {
      try {
        return await set.keys(header, token)
      } catch (error) {
        if (!(error instanceof errors.JWKSNoMatchingKey)) throw error
        const latest = this.#sets.get(issuer) ?? set
        const coolingDown =
          latest.refetchedAt !== undefined && nowMs - latest.refetchedAt < this.#options.refetchCooldownMs
        if (coolingDown) throw error
        return (await this.#load(issuer, nowMs, true)).keys(header, token)
      }
    }
  }

  #load(issuer: string, nowMs: number, forUnknownKid: boolean): Promise<KeySet> {
    const pending = this.#loading.get(issuer)
    if (pending !== undefined) return pending
    const loading = this.#fetchKeySet(issuer)
      .then((jwks) => {
        const set: KeySet = {
          keys: createLocalJWKSet(jwks),
          until: nowMs + this.#options.ttlMs,
          ...(forUnknownKid ? { refetchedAt: nowMs } : {}),
        }
        this.#sets.set(issuer, set)
        return set
      })
      .finally(() => this.#loading.delete(issuer))
    this.#loading.set(issuer, loading)
    return loading
  }

  async #fetchKeySet(issuer: string): Promise<JSONWebKeySet> {
    const response = await this.#get(await this.#discover(issuer))
    return (await response.json()) as JSONWebKeySet
  }

  async #discover(issuer: string): Promise<string> {
    const response = await this.#get(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`)
    const document = (await response.json()) as { jwks_uri?: unknown }
    if (typeof document.jwks_uri !== 'string' || !isAcceptedIssuer(document.jwks_uri)) {
      throw new Error('discovery document has no acceptable jwks_uri')
    }
    return document.jwks_uri
  }

  async #get(url: string): Promise<Response> {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(this.#options.timeoutMs),
      redirect: 'error',
    })
    if (!response.ok) throw new Error(`${url} answered ${response.status}`)
    return response
  }
}
