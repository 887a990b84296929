import { createHash } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/**
 * AWS: a secret ARN ends with `-` and six random letters and digits, so a re-created name gets a new ARN.
 * Lanyard derives them from the (random) request id and the name, so CreateSecret is authorized on the very ARN
 * it creates.
 */
export function secretArnSuffix(requestId: string, name: string): string {
  let out = ''
  for (let round = 0; out.length < 6; round++) {
    const digest = createHash('sha256').update(`${requestId}\n${name}\n${round}`).digest()
    // 248 = 4 × 62: bytes at or above it are dropped so every character is equally likely.
    for (const byte of digest) if (byte < 248 && out.length < 6) out += ALPHABET[byte % 62]
  }
  return out
}

/** The ARN of a new secret. */
export const secretArn = (region: string, account: string, name: string, suffix: string): string =>
  `arn:aws:secretsmanager:${region}:${account}:secret:${name}-${suffix}`

/** AWS: secret names use letters, digits and `/_+=.@-`. */
export const SECRET_NAME = /^[A-Za-z0-9/_+=.@!-]+$/
