import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'
import { StoreSealedSecretError } from '../ports/index.js'

/** Seals and opens secret values with AES-256-GCM under a key derived from the master key. */
export interface Sealer {
  /** 8 hex characters naming the master key (an HMAC of it, not the key). */
  readonly keyId: string
  /** Encrypts `plain`, bound to `context` (additional authenticated data, e.g. the row's key). */
  seal(plain: string, context: string): string
  /** Decrypts a sealed value; `StoreSealedSecretError` for a foreign key, an altered value or another context. */
  open(sealed: string, context: string): string
}

const PREFIX = 'lanyard-sealed-v1'
const IV_BYTES = 12
const TAG_BYTES = 16

/** Builds a sealer from a 32-byte master key. */
export function createSealer(masterKey: Uint8Array): Sealer {
  if (masterKey.length !== 32) throw new RangeError('The master key must be 32 bytes.')
  const key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'lanyard/store/secrets/v1', 32))
  const keyId = createHmac('sha256', masterKey).update('lanyard/key-id').digest('hex').slice(0, 8)
  return {
    keyId,
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      cipher.setAAD(Buffer.from(context, 'utf8'))
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      const sealed = Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')
      return `${PREFIX}:${keyId}:${sealed}`
    },
    open(sealed, context) {
      const [prefix, id, data, extra] = sealed.split(':')
      if (prefix !== PREFIX || data === undefined || extra !== undefined) {
        throw new StoreSealedSecretError('The value is not a sealed secret.')
      }
      if (id !== keyId)
        throw new StoreSealedSecretError(`The secret was sealed under another master key (${id}).`)
      const bytes = Buffer.from(data, 'base64url')
      if (bytes.length < IV_BYTES + TAG_BYTES)
        throw new StoreSealedSecretError('The sealed secret is truncated.')
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES))
      decipher.setAAD(Buffer.from(context, 'utf8'))
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES))
      try {
        const body = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')
      } catch {
        throw new StoreSealedSecretError('The sealed secret failed authentication.')
      }
    },
  }
}
