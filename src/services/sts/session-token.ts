import { createCipheriv, createDecipheriv } from 'node:crypto'
import type { RandomBytes } from '../../kernel/ids.js'
import type { SessionClaims } from './session-claims.js'

/** A sealing key and its 4-byte id. */
export interface SealingKey {
  readonly id: Uint8Array
  readonly key: Uint8Array
}

const VERSION = 1
const ID_BYTES = 4
const IV_BYTES = 12
const TAG_BYTES = 16
const HEADER_BYTES = 1 + ID_BYTES + IV_BYTES

/**
 * Seals claims into a session token: version, key id, IV, AES-256-GCM ciphertext and tag, base64.
 * The header and the access key id are the additional authenticated data, so a token opens only
 * unaltered and with its own access key id.
 */
export function sealSessionToken(claims: SessionClaims, key: SealingKey, random: RandomBytes): string {
  const header = Buffer.concat([Buffer.of(VERSION), key.id, random(IV_BYTES)])
  const cipher = createCipheriv('aes-256-gcm', key.key, header.subarray(1 + ID_BYTES))
  cipher.setAAD(additionalData(header, claims.accessKeyId))
  const body = Buffer.concat([cipher.update(JSON.stringify(claims), 'utf8'), cipher.final()])
  return Buffer.concat([header, body, cipher.getAuthTag()]).toString('base64')
}

function additionalData(header: Uint8Array, accessKeyId: string): Buffer {
  return Buffer.concat([header, Buffer.from(accessKeyId, 'utf8')])
}

/** The key id a token names, or undefined when it is not a Lanyard session token. */
export function sessionTokenKeyId(token: string): Uint8Array | undefined {
  const bytes = Buffer.from(token, 'base64')
  if (bytes.length < HEADER_BYTES + TAG_BYTES || bytes[0] !== VERSION) return undefined
  return new Uint8Array(bytes.subarray(1, 1 + ID_BYTES))
}

/** Opens a token sealed with `key` for `accessKeyId`; undefined when it is tampered with, truncated or foreign. */
export function openSessionToken(
  token: string,
  accessKeyId: string,
  key: Uint8Array,
): SessionClaims | undefined {
  const bytes = Buffer.from(token, 'base64')
  if (bytes.length < HEADER_BYTES + TAG_BYTES || bytes[0] !== VERSION) return undefined
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(1 + ID_BYTES, HEADER_BYTES))
  decipher.setAAD(additionalData(bytes.subarray(0, HEADER_BYTES), accessKeyId))
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES))
  try {
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(HEADER_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ])
    const claims = JSON.parse(plain.toString('utf8')) as SessionClaims
    return claims.accessKeyId === accessKeyId ? claims : undefined
  } catch {
    return undefined
  }
}
