/** A source of the current time; pure modules take one instead of calling `Date.now()`. */
export interface Clock {
  /** The current instant. */
  now(): Date
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() }

/** A clock fixed at `at`, advanced by hand; for tests. */
export function fixedClock(at: Date): Clock & { advance(ms: number): void } {
  let t = at.getTime()
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms
    },
  }
}

/** `base` shifted by `offsetMs`; how tests give a process a skewed clock (LANYARD_CLOCK_OFFSET_MS). */
export function offsetClock(base: Clock, offsetMs: number): Clock {
  if (offsetMs === 0) return base
  return { now: () => new Date(base.now().getTime() + offsetMs) }
}

/** How many round trips one sync measures; the one with the shortest round trip wins. */
const SYNC_SAMPLES = 3

/**
 * A clock that follows a reference clock (the database server's): the local clock plus the offset measured at
 * the last `sync`. Every process that syncs to the same reference tells the same time, whatever its own clock
 * says, to within half a round trip.
 */
export class ReferenceClock implements Clock {
  readonly #local: Clock
  readonly #reference: () => Promise<Date>
  #offsetMs = 0

  constructor(local: Clock, reference: () => Promise<Date>) {
    this.#local = local
    this.#reference = reference
  }

  /** The local clock corrected by the last measured offset. */
  now(): Date {
    return new Date(this.#local.now().getTime() + this.#offsetMs)
  }

  /** The reference minus the local clock at the last sync, in milliseconds (0 before the first). */
  get offsetMs(): number {
    return this.#offsetMs
  }

  /** Measures the offset again (reference time minus the midpoint of the round trip); rejects, keeping the old offset, when the reference fails. */
  async sync(): Promise<number> {
    let best: { roundTrip: number; offset: number } | undefined
    for (let i = 0; i < SYNC_SAMPLES; i++) {
      const sent = this.#local.now().getTime()
      const reference = (await this.#reference()).getTime()
      const received = this.#local.now().getTime()
      const roundTrip = received - sent
      if (best === undefined || roundTrip < best.roundTrip)
        best = { roundTrip, offset: Math.round(reference - (sent + received) / 2) }
    }
    this.#offsetMs = best!.offset
    return this.#offsetMs
  }
}
