/** Unique-id prefixes IAM and STS use (see the IAM UG, "Unique identifiers"). */
export const ID_PREFIX = {
  user: 'AIDA',
  role: 'AROA',
  group: 'AGPA',
  policy: 'ANPA',
  policyVersion: 'ANVA',
  instanceProfile: 'AIPA',
  accessKey: 'AKIA',
  temporaryAccessKey: 'ASIA',
} as const

/** A source of random bytes; pure callers receive one instead of calling crypto themselves. */
export type RandomBytes = (size: number) => Uint8Array

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const ACCOUNT_MASK = 0x7fffffffff80n

/** Encodes bytes as RFC 4648 base32 without padding. */
export function base32Encode(bytes: Uint8Array): string {
  let out = ''
  let buffer = 0
  let bits = 0
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31]
      bits -= 5
    }
    buffer &= (1 << bits) - 1
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31]
  return out
}

/** Decodes unpadded RFC 4648 base32; `undefined` on a character outside the alphabet. */
export function base32Decode(text: string): Uint8Array | undefined {
  const out: number[] = []
  let buffer = 0
  let bits = 0
  for (const char of text) {
    const value = BASE32.indexOf(char)
    if (value < 0) return undefined
    buffer = (buffer << 5) | value
    bits += 5
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff)
      bits -= 8
      buffer &= (1 << bits) - 1
    }
  }
  return Uint8Array.from(out)
}

/**
 * Makes a 20-character access key id that carries its account, as AWS's keys since 2019 do:
 * the first 6 bytes of the base32 body, masked with 0x7fffffffff80 and shifted right by 7, are the account id.
 */
export function newAccessKeyId(prefix: 'AKIA' | 'ASIA', account: string, random: RandomBytes): string {
  const noise = random(10)
  const packed = (BigInt(account) << 7n) | (BigInt(noise[0]! & 0x7f) | (BigInt(noise[1]! & 0x80) << 40n))
  const body = new Uint8Array(10)
  for (let i = 0; i < 6; i++) body[i] = Number((packed >> BigInt(8 * (5 - i))) & 0xffn)
  body.set(noise.subarray(2, 6), 6)
  return prefix + base32Encode(body)
}

/** The account id an access key id carries, or `undefined` for a malformed id. */
export function accountOfAccessKeyId(accessKeyId: string): string | undefined {
  if (accessKeyId.length !== 20) return undefined
  const body = base32Decode(accessKeyId.slice(4))
  if (body === undefined || body.length < 6) return undefined
  let packed = 0n
  for (let i = 0; i < 6; i++) packed = (packed << 8n) | BigInt(body[i]!)
  return ((packed & ACCOUNT_MASK) >> 7n).toString().padStart(12, '0')
}

/** Makes a 21-character unique id such as `AROA` + 17 base32 characters. */
export function newUniqueId(prefix: string, random: RandomBytes): string {
  return (prefix + base32Encode(random(11))).slice(0, 21)
}

/**
 * A UUID of version 7 (RFC 9562) made from a random version-4 UUID: its first 48 bits become the Unix milliseconds
 * of `at` and its version 7, keeping 74 random bits. IDs made later sort later, so an index keyed by them grows at
 * its end instead of at random pages.
 */
export function timeOrderedUuid(at: Date, randomUuid: string): string {
  const ms = at.getTime().toString(16).padStart(12, '0').slice(-12)
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${randomUuid.slice(15)}`
}
