import { EMPTY_SHA256, sha256Hex } from './hash.js'
import { signatureOf } from './signing-key.js'

/** The string to sign of one aws-chunked chunk, chained to the previous signature. */
export function chunkStringToSign(
  datetime: string,
  scope: string,
  previous: string,
  data: Uint8Array,
): string {
  return `AWS4-HMAC-SHA256-PAYLOAD\n${datetime}\n${scope}\n${previous}\n${EMPTY_SHA256}\n${sha256Hex(data)}`
}

/** The canonical form of trailing headers: `name:value\n` for each, in the order received. */
export function canonicalTrailers(trailers: ReadonlyArray<readonly [string, string]>): string {
  return trailers.map(([name, value]) => `${name}:${value}\n`).join('')
}

/** The string to sign of the trailing headers, chained to the final chunk's signature. */
export function trailerStringToSign(
  datetime: string,
  scope: string,
  previous: string,
  canonical: string,
): string {
  return `AWS4-HMAC-SHA256-TRAILER\n${datetime}\n${scope}\n${previous}\n${sha256Hex(canonical)}`
}

/** The signature of one chunk. */
export function chunkSignature(
  signingKey: Uint8Array,
  datetime: string,
  scope: string,
  previous: string,
  data: Uint8Array,
): string {
  return signatureOf(signingKey, chunkStringToSign(datetime, scope, previous, data))
}
