import { hmac, hmacHex } from './hash.js'

/** Derives `kSigning` from the secret key and the scope's date, region and service. */
export function deriveSigningKey(
  secretAccessKey: string,
  date: string,
  region: string,
  service: string,
): Buffer {
  const kDate = hmac(`AWS4${secretAccessKey}`, date)
  return hmac(hmac(hmac(kDate, region), service), 'aws4_request')
}

/** Lower-case hex HMAC of the string to sign under the signing key: the signature. */
export function signatureOf(signingKey: Uint8Array, stringToSign: string): string {
  return hmacHex(signingKey, stringToSign)
}

/**
 * A bounded least-recently-used cache of signing keys per (secret key, date, region, service).
 * A key changes once a day per scope, so a small cache saves four HMACs on nearly every request.
 */
export class SigningKeyCache {
  readonly #max: number
  readonly #keys = new Map<string, Buffer>()
  /** Number of lookups answered from the cache, for measurements. */
  hits = 0
  /** Number of keys derived. */
  misses = 0

  constructor(maxEntries = 1024) {
    this.#max = Math.max(1, maxEntries)
  }

  /** The signing key for the scope, derived on a miss. */
  get(secretAccessKey: string, date: string, region: string, service: string): Buffer {
    const id = `${secretAccessKey}\n${date}\n${region}\n${service}`
    const found = this.#keys.get(id)
    if (found !== undefined) {
      this.hits++
      this.#keys.delete(id)
      this.#keys.set(id, found)
      return found
    }
    this.misses++
    const key = deriveSigningKey(secretAccessKey, date, region, service)
    this.#keys.set(id, key)
    if (this.#keys.size > this.#max) this.#keys.delete(this.#keys.keys().next().value as string)
    return key
  }

  /** Number of keys held. */
  get size(): number {
    return this.#keys.size
  }
}
