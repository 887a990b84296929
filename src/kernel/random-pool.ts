import { randomFillSync } from 'node:crypto'
import type { RandomBytes } from './ids.js'

/**
 * Random bytes from the operating system's CSPRNG, drawn `poolBytes` at a time and handed out in slices, each
 * byte once (node:crypto's randomUUID pools the same way). One `randomBytes` call costs about 5 µs whatever its
 * size; a session's key id, secret and token IV are three small draws.
 */
export function pooledRandomBytes(poolBytes = 4096): RandomBytes {
  const pool = Buffer.alloc(poolBytes)
  let used = poolBytes
  return (size) => {
    if (size > poolBytes) return randomFillSync(Buffer.alloc(size))
    if (used + size > poolBytes) {
      randomFillSync(pool)
      used = 0
    }
    // A copy: the caller owns its bytes, and the pool's are overwritten on the next refill.
    const out = Buffer.from(pool.subarray(used, used + size))
    pool.fill(0, used, used + size)
    used += size
    return out
  }
}
