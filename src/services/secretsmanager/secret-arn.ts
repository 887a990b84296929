import type { RandomBytes } from '../../kernel/ids.js'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** AWS: a secret ARN ends with `-` and six random letters and digits, so a re-created name gets a new ARN. */
export function secretArnSuffix(random: RandomBytes): string {
  let out = ''
  while (out.length < 6) {
    // 248 = 4 × 62: bytes at or above it are dropped so every character is equally likely.
    for (const byte of random(12)) if (byte < 248 && out.length < 6) out += ALPHABET[byte % 62]
  }
  return out
}

/** The ARN of a new secret. */
export const secretArn = (region: string, account: string, name: string, suffix: string): string =>
  `arn:aws:secretsmanager:${region}:${account}:secret:${name}-${suffix}`

/** AWS: secret names use letters, digits and `/_+=.@-`. */
export const SECRET_NAME = /^[A-Za-z0-9/_+=.@!-]+$/
