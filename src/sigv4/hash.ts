import { createHmac, hash, timingSafeEqual } from 'node:crypto'

/** Lower-case hex SHA-256 of `data`. */
export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex')
}

/** HMAC-SHA256 of `data` under `key`. */
export function hmac(key: string | Uint8Array, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest()
}

/** The SHA-256 of the empty string, used for empty bodies and inside chunk strings to sign. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

/** Compares two signatures in time independent of where they differ. */
export function signaturesEqual(expected: string, provided: string): boolean {
  const a = Buffer.from(expected, 'utf8')
  const b = Buffer.from(provided, 'utf8')
  if (a.length !== b.length) {
    timingSafeEqual(a, a)
    return false
  }
  return timingSafeEqual(a, b)
}
