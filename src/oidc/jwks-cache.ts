import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose'
import { isAcceptedIssuer } from './issuer-url.js'

/** How long discovery documents and key sets are kept, and how long a fetch may take. */
export interface JwksCacheOptions {
  readonly ttlMs: number
  readonly timeoutMs: number
}

/** AWS: an issuer that answers in more than about five seconds counts as unreachable. */
const DEFAULTS: JwksCacheOptions = { ttlMs: 3_600_000, timeoutMs: 5_000 }

/**
 * Key resolvers per issuer, found through `<iss>/.well-known/openid-configuration`.
 * jose caches each key set and refetches it (with a cooldown) when a token names an unknown kid.
 */
export class JwksCache {
  readonly #options: JwksCacheOptions
  readonly #issuers = new Map<string, { readonly keys: JWTVerifyGetKey; readonly until: number }>()

  constructor(options: Partial<JwksCacheOptions> = {}) {
    this.#options = { ...DEFAULTS, ...options }
  }

  /** The key resolver of an issuer; throws when discovery fails. */
  async keysFor(issuer: string, nowMs: number): Promise<JWTVerifyGetKey> {
    const cached = this.#issuers.get(issuer)
    if (cached !== undefined && cached.until > nowMs) return cached.keys
    const jwksUri = await this.#discover(issuer)
    const keys = createRemoteJWKSet(new URL(jwksUri), {
      timeoutDuration: this.#options.timeoutMs,
      cacheMaxAge: this.#options.ttlMs,
    })
    this.#issuers.set(issuer, { keys, until: nowMs + this.#options.ttlMs })
    return keys
  }

  async #discover(issuer: string): Promise<string> {
    const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`
    const response = await fetch(url, {
      signal: AbortSignal.timeout(this.#options.timeoutMs),
      redirect: 'error',
    })
    if (!response.ok) throw new Error(`discovery answered ${response.status}`)
    const document = (await response.json()) as { jwks_uri?: unknown }
    if (typeof document.jwks_uri !== 'string' || !isAcceptedIssuer(document.jwks_uri)) {
      throw new Error('discovery document has no acceptable jwks_uri')
    }
    return document.jwks_uri
  }
}
