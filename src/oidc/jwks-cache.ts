import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose'
import { isAcceptedIssuer } from './issuer-url.js'
import { tlsGet } from './tls-get.js'

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
    this.#options = Object.assign({}, DEFAULTS, options)
  }

  /**
   * The key resolver of an issuer at `nowMs`; throws when discovery or the key set fetch fails
   * (`ThumbprintMismatch` when an https host's chain is neither trusted nor pinned by `thumbprints`).
   */
  async keysFor(
    issuer: string,
    nowMs: number,
    thumbprints: readonly string[] = [],
  ): Promise<JWTVerifyGetKey> {
    const cached = this.#sets.get(issuer)
    const set =
      cached !== undefined && cached.until > nowMs
        ? cached
        : await this.#load(issuer, nowMs, false, thumbprints)
    return async (header, token) => {
      try {
        return await set.keys(header, token)
      } catch (error) {
        if (!(error instanceof errors.JWKSNoMatchingKey)) throw error
        const latest = this.#sets.get(issuer) ?? set
        const coolingDown =
          latest.refetchedAt !== undefined && nowMs - latest.refetchedAt < this.#options.refetchCooldownMs
        if (coolingDown) throw error
        return (await this.#load(issuer, nowMs, true, thumbprints)).keys(header, token)
      }
    }
  }

  #load(
    issuer: string,
    nowMs: number,
    forUnknownKid: boolean,
    thumbprints: readonly string[],
  ): Promise<KeySet> {
    const pending = this.#loading.get(issuer)
    if (pending !== undefined) return pending
    const loading = this.#fetchKeySet(issuer, thumbprints)
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

  async #fetchKeySet(issuer: string, thumbprints: readonly string[]): Promise<JSONWebKeySet> {
    const jwksUri = await this.#discover(issuer, thumbprints)
    return JSON.parse(await this.#get(jwksUri, thumbprints)) as JSONWebKeySet
  }

  async #discover(issuer: string, thumbprints: readonly string[]): Promise<string> {
    const discovery = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`
    const document = JSON.parse(await this.#get(discovery, thumbprints)) as { jwks_uri?: unknown }
    if (typeof document.jwks_uri !== 'string' || !isAcceptedIssuer(document.jwks_uri)) {
      throw new Error('discovery document has no acceptable jwks_uri')
    }
    return document.jwks_uri
  }

  /** Plain http (loopback issuers only) through fetch; https with AWS's trust and thumbprint rules. */
  async #get(url: string, thumbprints: readonly string[]): Promise<string> {
    if (url.startsWith('https:')) return tlsGet(url, thumbprints, this.#options.timeoutMs)
    const response = await fetch(url, {
      signal: AbortSignal.timeout(this.#options.timeoutMs),
      redirect: 'error',
    })
    if (!response.ok) throw new Error(`${url} answered ${response.status}`)
    return response.text()
  }
}
