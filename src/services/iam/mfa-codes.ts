import QRCode from 'qrcode'
import { base32Decode, base32Encode, type RandomBytes } from '../../kernel/ids.js'
import type { Repositories } from '../../store/index.js'
import { findCounter, totpCounter } from './totp.js'

/** AWS: virtual MFA seeds are 64 base32 characters (40 bytes). */
const SEED_BYTES = 40

/** How many 30-second steps EnableMFADevice and ResyncMFADevice look back for the first code. */
const PAIR_WINDOW = 10

/** A new base32 TOTP seed. */
export const newSeed = (random: RandomBytes): string => base32Encode(random(SEED_BYTES))

/** The `otpauth://` key URI an authenticator app reads from the QR code. */
export function otpauthUri(seed: string, deviceName: string, account: string): string {
  const issuer = 'Amazon Web Services'
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(`${deviceName}@${account}`)}`
  return `otpauth://totp/${label}?secret=${seed}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`
}

/** The PNG image of a QR code holding `text`. */
export const qrCodePng = (text: string): Promise<Buffer> => QRCode.toBuffer(text, { type: 'png', margin: 2 })

const keyOf = (seed: string): Uint8Array => {
  const key = base32Decode(seed)
  if (key === undefined) throw new Error('stored MFA seed is not base32')
  return key
}

/**
 * The time step of `code2` when `code1` and `code2` are two consecutive codes of the seed, the
 * second no later than one step ahead of `now`; undefined otherwise.
 */
export function consecutiveCodes(seed: string, code1: string, code2: string, now: Date): number | undefined {
  const key = keyOf(seed)
  const current = totpCounter(now)
  let from = current - PAIR_WINDOW
  for (;;) {
    const first = findCounter(key, code1, from, current)
    if (first === undefined) return undefined
    if (findCounter(key, code2, first + 1, first + 1) !== undefined) return first + 1
    from = first + 1
  }
}

/** The result of checking an MFA code for a device. */
export type MfaVerification =
  | { readonly ok: true; readonly serialNumber: string; readonly userId: string }
  | { readonly ok: false }

/**
 * Checks a TOTP code for an enabled MFA device (for STS's SerialNumber/TokenCode): the code must
 * match the current step or one step either side, and each step is accepted once only.
 */
export async function verifyMfaCode(
  store: Repositories,
  serialNumber: string,
  code: string,
  now: Date,
): Promise<MfaVerification> {
  const device = await store.mfaDevices.get(serialNumber)
  if (device?.userId === undefined || !/^\d{6}$/.test(code)) return { ok: false }
  const current = totpCounter(now)
  const counter = findCounter(keyOf(device.seed), code, current - 1, current + 1)
  if (counter === undefined || !(await store.mfaDevices.acceptCounter(serialNumber, counter)))
    return { ok: false }
  return { ok: true, serialNumber, userId: device.userId }
}
