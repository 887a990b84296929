import type { RandomBytes } from '../../kernel/ids.js'
import type { SettingsRepository } from '../../store/index.js'
import type { SealingKey } from './session-token.js'

const SCOPE = 'global'
const KEY_PREFIX = 'sts/sealing-keys/'
const PERIOD_PREFIX = 'sts/sealing-period/'
const HOUR = 3_600_000

/** How often the sealing key changes, and how long a retired key is kept. */
export interface RotationPolicy {
  readonly rotationMs: number
  /** At least the longest session (36 hours, GetSessionToken's maximum) past the key's last use. */
  readonly retentionMs: number
}

/** AWS issues sessions of up to 36 hours; keys rotate daily and are kept until their last token expired. */
export const DEFAULT_ROTATION: RotationPolicy = { rotationMs: 24 * HOUR, retentionMs: 24 * HOUR + 36 * HOUR }

interface StoredKey {
  readonly key: string
  readonly createdAt: number
}

const hex = (id: Uint8Array): string => Buffer.from(id).toString('hex')

/**
 * The session-token sealing keys, shared by every process through the store (sealed under the master key).
 * One key per rotation period: the first process to need it creates it; the others adopt it.
 */
export class SealingKeyRing {
  readonly #settings: SettingsRepository
  readonly #random: RandomBytes
  readonly #policy: RotationPolicy
  readonly #keys = new Map<string, Uint8Array>()
  #current: { readonly period: number; readonly key: SealingKey } | undefined

  constructor(settings: SettingsRepository, random: RandomBytes, policy: RotationPolicy = DEFAULT_ROTATION) {
    this.#settings = settings
    this.#random = random
    this.#policy = policy
  }

  /** The key that seals new tokens at `now`. */
  async current(now: Date): Promise<SealingKey> {
    const period = Math.floor(now.getTime() / this.#policy.rotationMs)
    if (this.#current?.period === period) return this.#current.key
    const key = await this.#keyForPeriod(period, now)
    this.#current = { period, key }
    return key
  }

  /** The key with this id, from memory or the store; undefined for an unknown or retired id. */
  async find(id: Uint8Array): Promise<Uint8Array | undefined> {
    const name = hex(id)
    const known = this.#keys.get(name)
    if (known !== undefined) return known
    const stored = await this.#settings.getSecret(SCOPE, KEY_PREFIX + name)
    if (stored === undefined) return undefined
    const key = new Uint8Array(Buffer.from((JSON.parse(stored) as StoredKey).key, 'base64'))
    this.#keys.set(name, key)
    return key
  }

  async #keyForPeriod(period: number, now: Date): Promise<SealingKey> {
    const pointer = PERIOD_PREFIX + period
    const existing = await this.#settings.get(SCOPE, pointer)
    if (existing === undefined) {
      // Write our candidate key first, then race to claim the period; the loser's key is never used.
      const id = this.#random(4)
      const key = this.#random(32)
      const value: StoredKey = { key: Buffer.from(key).toString('base64'), createdAt: now.getTime() }
      await this.#settings.putSecret(SCOPE, KEY_PREFIX + hex(id), JSON.stringify(value), now)
      if (await this.#settings.putIfAbsent(SCOPE, pointer, hex(id), now)) {
        this.#keys.set(hex(id), key)
        await this.#retireOldKeys(now)
        return { id, key }
      }
      await this.#settings.delete(SCOPE, KEY_PREFIX + hex(id))
    }
    const claimed = existing ?? (await this.#settings.get(SCOPE, pointer))!
    const id = new Uint8Array(Buffer.from(claimed, 'hex'))
    const key = await this.find(id)
    if (key === undefined) throw new Error(`sealing key ${claimed} of period ${period} is missing`)
    return { id, key }
  }

  async #retireOldKeys(now: Date): Promise<void> {
    const horizon = now.getTime() - this.#policy.retentionMs
    for (const name of await this.#settings.listKeys(SCOPE, KEY_PREFIX)) {
      const stored = await this.#settings.getSecret(SCOPE, name)
      if (stored !== undefined && (JSON.parse(stored) as StoredKey).createdAt < horizon) {
        await this.#settings.delete(SCOPE, name)
        this.#keys.delete(name.slice(KEY_PREFIX.length))
      }
    }
    for (const name of await this.#settings.listKeys(SCOPE, PERIOD_PREFIX)) {
      const period = Number(name.slice(PERIOD_PREFIX.length))
      if ((period + 1) * this.#policy.rotationMs < horizon) await this.#settings.delete(SCOPE, name)
    }
  }
}
