import { createServer, type RequestListener, type Server } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair, type JWK } from 'jose'

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>

/** A signing key an issuer holds: its algorithm and key pair, published in the JWKS or not. */
export interface IssuerKey {
  readonly kid: string
  readonly alg: string
  readonly pair: KeyPair
}

/** What an issuer's discovery endpoint does: answer normally, fail with 500, or name no jwks_uri. */
export type DiscoveryMode = 'ok' | 'error' | 'no-jwks-uri'

/**
 * An OIDC issuer on a loopback port: `/.well-known/openid-configuration` and `/keys`, whose published key
 * set the test changes between calls. Counts the key-set fetches so a case can tell a cached set from a
 * refetched one.
 */
export class LoopbackIssuer {
  readonly keys = new Map<string, IssuerKey>()
  readonly #published = new Set<string>()
  #server: Server | undefined
  #url = ''
  discovery: DiscoveryMode = 'ok'
  keySetFetches = 0

  /** The issuer URL (`http://<hostname>:<port>`), known once started. */
  get url(): string {
    return this.#url
  }

  /**
   * Listens on 127.0.0.1; `hostname` is the name the issuer URL uses (`127.0.0.1` or `localhost`). With
   * `tls` (PEM key and certificate chain) the issuer is https.
   */
  async start(hostname = '127.0.0.1', tls?: { readonly key: string; readonly cert: string }): Promise<this> {
    const listener: RequestListener = (req, res) => {
      res.setHeader('content-type', 'application/json')
      if (req.url === '/.well-known/openid-configuration') {
        if (this.discovery === 'error') return res.writeHead(500).end('{}')
        const jwks = this.discovery === 'ok' ? { jwks_uri: `${this.#url}/keys` } : {}
        return res.end(JSON.stringify({ issuer: this.#url, ...jwks }))
      }
      if (req.url === '/keys') {
        this.keySetFetches++
        return void this.#jwks().then((keys) => res.end(JSON.stringify({ keys })))
      }
      res.writeHead(404).end('{}')
    }
    const server = tls === undefined ? createServer(listener) : createTlsServer(tls, listener)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    this.#server = server
    const scheme = tls === undefined ? 'http' : 'https'
    this.#url = `${scheme}://${hostname}:${(server.address() as AddressInfo).port}`
    return this
  }

  /** A URL on a loopback port where nothing listens, for an issuer that cannot be reached. */
  async startUnreachable(): Promise<this> {
    await this.start()
    await this.stop()
    return this
  }

  /** Creates a key; published in the key set unless told otherwise. */
  async addKey(kid: string, alg: string, published = true): Promise<IssuerKey> {
    const key = { kid, alg, pair: await generateKeyPair(alg, { extractable: true }) }
    this.keys.set(kid, key)
    if (published) this.#published.add(kid)
    return key
  }

  /** Adds a created key to the published key set. */
  publish(kid: string): void {
    if (!this.keys.has(kid)) throw new Error(`no key ${kid}`)
    this.#published.add(kid)
  }

  /** Removes a key from the published key set. */
  retire(kid: string): void {
    this.#published.delete(kid)
  }

  /** Stops listening; safe to call twice. */
  async stop(): Promise<void> {
    const server = this.#server
    this.#server = undefined
    if (server !== undefined) await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  async #jwks(): Promise<JWK[]> {
    const out: JWK[] = []
    for (const kid of this.#published) {
      const key = this.keys.get(kid)!
      out.push({ ...(await exportJWK(key.pair.publicKey)), kid, alg: key.alg, use: 'sig' })
    }
    return out
  }
}
