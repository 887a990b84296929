import { createHmac } from 'node:crypto'

/** HMAC algorithms RFC 6238 names; virtual MFA devices use SHA-1. */
export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512'

/** AWS: virtual MFA devices use 30-second steps and 6 digits. */
export const TOTP_STEP_SECONDS = 30

/** The RFC 6238 time step (counter) that contains `at`. */
export const totpCounter = (at: Date, step = TOTP_STEP_SECONDS): number =>
  Math.floor(at.getTime() / 1000 / step)

/** RFC 4226 HOTP: the `digits`-digit code of `key` for `counter`. */
export function hotp(
  key: Uint8Array,
  counter: number,
  digits = 6,
  algorithm: TotpAlgorithm = 'sha1',
): string {
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(counter))
  const mac = createHmac(algorithm, key).update(message).digest()
  const offset = mac[mac.length - 1]! & 0x0f
  const binary = mac.readUInt32BE(offset) & 0x7fffffff
  return String(binary % 10 ** digits).padStart(digits, '0')
}

/** The first counter in `[from, to]` whose code equals `code`, or undefined. */
export function findCounter(key: Uint8Array, code: string, from: number, to: number): number | undefined {
  for (let counter = from; counter <= to; counter++) if (hotp(key, counter) === code) return counter
  return undefined
}
