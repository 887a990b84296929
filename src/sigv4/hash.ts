import { createHmac, hash, timingSafeEqual } from 'node:crypto'

/** Lower-case hex SHA-256 of `data`. */
export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex')
}

/** HMAC-SHA256 of `data` under `key`. */
export function hmac(key: string | Uint8Array, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest()
}

/** SHA-256's block size in bytes: the length of HMAC's padded keys. */
const BLOCK = 64

/** A key's two padded blocks (RFC 2104): `ipad` leads the inner hash; `outer` is `opad` followed by room for it. */
interface PaddedKey {
  readonly ipad: Buffer
  readonly outer: Buffer
}

/** Padded keys by key. Signing keys are cached per scope and never mutated, so the same object comes back all day. */
const padded = new WeakMap<Uint8Array, PaddedKey>()

function paddedKey(key: Uint8Array): PaddedKey {
  let found = padded.get(key)
  if (found === undefined) {
    const block = key.length > BLOCK ? hash('sha256', key, 'buffer') : key
    const ipad = Buffer.alloc(BLOCK, 0x36)
    const outer = Buffer.alloc(BLOCK + 32, 0x5c)
    for (let i = 0; i < block.length; i++) {
      ipad[i]! ^= block[i]!
      outer[i]! ^= block[i]!
    }
    found = { ipad, outer }
    padded.set(key, found)
  }
  return found
}

/** Scratch for the inner hash's input, grown on demand; only used synchronously. */
let inner = Buffer.alloc(1024)

/**
 * Lower-case hex HMAC-SHA256 of `data` under `key`, built as RFC 2104 does from two SHA-256 one-shots over the key's
 * padded blocks, which are prepared once per key. Equal to `createHmac('sha256', key)`; on Node 20 `createHmac` looks
 * its digest up again on every call, which costs more than hashing a string to sign (see docs/benchmarks.md).
 */
export function hmacHex(key: Uint8Array, data: string): string {
  const { ipad, outer } = paddedKey(key)
  const most = BLOCK + data.length * 3
  if (inner.length < most) inner = Buffer.alloc(most)
  ipad.copy(inner, 0)
  const length = BLOCK + inner.write(data, BLOCK, 'utf8')
  hash('sha256', inner.subarray(0, length), 'buffer').copy(outer, BLOCK)
  return hash('sha256', outer, 'hex')
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
