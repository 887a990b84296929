import { createCipheriv, createDecipheriv } from 'node:crypto'
import type { RandomBytes } from '../../kernel/ids.js'
import type { SealingKeyRing } from './sealing-keys.js'

/** The details of one authorization decision, in the shape AWS's DecodedMessage uses. */
export interface AuthorizationMessage {
  readonly allowed: boolean
  readonly explicitDeny: boolean
  readonly principal: { readonly id: string; readonly name: string; readonly arn: string }
  readonly action: string
  readonly resource: string
  /** The request context, by key. */
  readonly conditions: Readonly<Record<string, string | readonly string[]>>
}

const VERSION = 0x41
const ID_BYTES = 4
const IV_BYTES = 12
const TAG_BYTES = 16
const HEADER_BYTES = 1 + ID_BYTES + IV_BYTES
/** Binds a sealed message to its purpose, so a session token never opens as one. */
const PURPOSE = Buffer.from('lanyard/authorization-message', 'utf8')

/** The DecodedMessage JSON text of `details`, as AWS writes it. */
export function decodedMessageText(details: AuthorizationMessage): string {
  return JSON.stringify({
    allowed: details.allowed,
    explicitDeny: details.explicitDeny,
    matchedStatements: { items: [] },
    failures: { items: [] },
    context: {
      principal: details.principal,
      action: details.action,
      resource: details.resource,
      conditions: {
        items: Object.entries(details.conditions).map(([key, value]) => ({
          key,
          values: { items: (typeof value === 'string' ? [value] : value).map((v) => ({ value: v })) },
        })),
      },
    },
  })
}

/**
 * Encodes an authorization failure for a client (EC2's `Encoded authorization failure message`): the
 * DecodedMessage text sealed with AES-256-GCM under the ring's current key, base64url. It decodes while the key
 * is kept (60 hours).
 */
export async function encodeAuthorizationMessage(
  ring: SealingKeyRing,
  details: AuthorizationMessage,
  now: Date,
  random: RandomBytes,
): Promise<string> {
  const key = await ring.current(now)
  const header = Buffer.concat([Buffer.of(VERSION), key.id, random(IV_BYTES)])
  const cipher = createCipheriv('aes-256-gcm', key.key, header.subarray(1 + ID_BYTES))
  cipher.setAAD(Buffer.concat([header, PURPOSE]))
  const body = Buffer.concat([cipher.update(decodedMessageText(details), 'utf8'), cipher.final()])
  return Buffer.concat([header, body, cipher.getAuthTag()]).toString('base64url')
}

/** The DecodedMessage text of an encoded message; undefined when it is not one or its key is gone. */
export async function openAuthorizationMessage(
  ring: SealingKeyRing,
  encoded: string,
): Promise<string | undefined> {
  const bytes = Buffer.from(encoded.trim(), 'base64url')
  if (bytes.length < HEADER_BYTES + TAG_BYTES || bytes[0] !== VERSION) return undefined
  const key = await ring.find(new Uint8Array(bytes.subarray(1, 1 + ID_BYTES)))
  if (key === undefined) return undefined
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(1 + ID_BYTES, HEADER_BYTES))
    decipher.setAAD(Buffer.concat([bytes.subarray(0, HEADER_BYTES), PURPOSE]))
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES))
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(HEADER_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ])
    return plain.toString('utf8')
  } catch {
    return undefined
  }
}
