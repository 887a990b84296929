import { createHmac, timingSafeEqual } from 'node:crypto'
import type { RandomBytes } from '../../../../kernel/ids.js'
import type { Repositories } from '../../../../store/index.js'

/** AWS: an IMDSv2 token lives 1 to 21,600 seconds. */
export const MAX_TOKEN_SECONDS = 21_600

const SCOPE = 'ec2-imds'
const KEY = 'token-key'

/**
 * IMDSv2 session tokens: `<expiry>.<mac>` bound to one instance with an HMAC key kept (sealed) in the
 * store, so every server process accepts the tokens of the others and a token of one instance is
 * refused by another.
 */
export class MetadataTokens {
  #key: Promise<Buffer> | undefined

  constructor(
    private readonly store: Repositories,
    private readonly random: RandomBytes,
  ) {}

  /** A token for `instanceId` valid `seconds` from `now`. */
  async mint(instanceId: string, now: Date, seconds: number): Promise<string> {
    const expiry = Math.floor(now.getTime() / 1000) + seconds
    return `${expiry}.${await this.#mac(instanceId, expiry)}`
  }

  /** Whether `token` is one this server minted for `instanceId` and has not expired at `now`. */
  async verify(instanceId: string, token: string, now: Date): Promise<boolean> {
    const [expiryText, mac] = token.split('.')
    const expiry = Number(expiryText)
    if (!Number.isInteger(expiry) || mac === undefined || expiry * 1000 <= now.getTime()) return false
    const expected = Buffer.from(await this.#mac(instanceId, expiry))
    const given = Buffer.from(mac)
    return given.length === expected.length && timingSafeEqual(given, expected)
  }

  async #mac(instanceId: string, expiry: number): Promise<string> {
    this.#key ??= this.#loadKey()
    return createHmac('sha256', await this.#key)
      .update(`${instanceId}\n${expiry}`)
      .digest('base64url')
  }

  async #loadKey(): Promise<Buffer> {
    const existing = await this.store.settings.getSecret(SCOPE, KEY)
    if (existing !== undefined) return Buffer.from(existing, 'base64')
    const fresh = Buffer.from(this.random(32)).toString('base64')
    // Two processes may race to create the key: the one stored first wins for both.
    await this.store.settings.putSecret(SCOPE, KEY, fresh, new Date(0))
    const stored = await this.store.settings.getSecret(SCOPE, KEY)
    return Buffer.from(stored ?? fresh, 'base64')
  }
}
