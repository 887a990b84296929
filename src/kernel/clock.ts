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
