import { randomBytes } from 'node:crypto'

/** A new random 32-byte master key. */
export function generateMasterKey(): Uint8Array {
  return new Uint8Array(randomBytes(32))
}

/** Formats a master key as LANYARD_MASTER_KEY and the key file hold it: 64 hex characters. */
export function formatMasterKey(key: Uint8Array): string {
  return Buffer.from(key).toString('hex')
}

/** Parses a master key written as 64 hex characters or as base64 of 32 bytes; undefined when it is neither. */
export function parseMasterKey(text: string): Uint8Array | undefined {
  const trimmed = text.trim()
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return new Uint8Array(Buffer.from(trimmed, 'hex'))
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const bytes = Buffer.from(
      trimmed,
      trimmed.includes('-') || trimmed.includes('_') ? 'base64url' : 'base64',
    )
    if (bytes.length === 32) return new Uint8Array(bytes)
  }
  return undefined
}
