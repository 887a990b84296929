import { type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto'
import type { RandomBytes } from '../../kernel/ids.js'

/** scrypt cost parameters; stored with every hash so they can change later. */
const PARAMETERS = { N: 16384, r: 8, p: 1 } as const
const KEY_LENGTH = 32

const derive = (password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_LENGTH,
      Object.assign({}, options, { maxmem: 64 * 1024 * 1024 }),
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  )

/** Hashes a password as `scrypt$N=…,r=…,p=…$<salt base64>$<hash base64>`. */
export async function hashPassword(password: string, random: RandomBytes): Promise<string> {
  const salt = Buffer.from(random(16))
  const hash = await derive(password, salt, PARAMETERS)
  const params = `N=${PARAMETERS.N},r=${PARAMETERS.r},p=${PARAMETERS.p}`
  return `scrypt$${params}$${salt.toString('base64')}$${hash.toString('base64')}`
}

/** True when `password` matches a hash made by `hashPassword` (compared in constant time). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, params, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || params === undefined || salt === undefined || hash === undefined) return false
  const options = Object.fromEntries(params.split(',').map((kv) => kv.split('=') as [string, string]))
  const expected = Buffer.from(hash, 'base64')
  const actual = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(options.N),
    r: Number(options.r),
    p: Number(options.p),
  })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
