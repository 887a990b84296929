import { createHmac } from 'node:crypto'
import { base32Decode } from '../../kernel/ids.js'
import type { Repositories } from '../../store/index.js'
import { invalidMfaCode, unknownMfaDevice } from './errors.js'

/** AWS: virtual MFA devices use 30-second steps and 6 digits; one step of drift either way is accepted. */
const STEP_SECONDS = 30
const DRIFT_STEPS = 1

function hotp(key: Uint8Array, counter: number): string {
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(counter))
  const mac = createHmac('sha1', key).update(message).digest()
  const offset = mac[mac.length - 1]! & 0x0f
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0')
}

/**
 * Checks `code` against the MFA device `serialNumber` enabled for `userId` (RFC 6238, SHA-1); a code is
 * accepted once. Returns the authentication instant; throws AWS's AccessDenied texts otherwise.
 */
export async function verifyMfa(
  store: Repositories,
  userId: string | undefined,
  serialNumber: string,
  code: string,
  now: Date,
): Promise<Date> {
  const device = await store.mfaDevices.get(serialNumber)
  if (device === undefined || userId === undefined || device.userId !== userId) throw unknownMfaDevice()
  const key = base32Decode(device.seed.replace(/=+$/, '').toUpperCase())
  if (key === undefined) throw unknownMfaDevice()
  const current = Math.floor(now.getTime() / 1000 / STEP_SECONDS)
  for (let counter = current - DRIFT_STEPS; counter <= current + DRIFT_STEPS; counter++) {
    if (hotp(key, counter) !== code) continue
    if (await store.mfaDevices.acceptCounter(serialNumber, counter)) return now
    break
  }
  throw invalidMfaCode()
}
