/** How long EBS's transient states last, in milliseconds (computed on read, like the instance states). */
export const EBS_TIMINGS = {
  /** creating → available. */
  volumeCreateMs: 1_000,
  /** A snapshot goes from pending to completed. */
  snapshotMs: 5_000,
  /** A modification goes modifying → optimizing. */
  modifyingMs: 2_000,
  /** optimizing → completed. */
  optimizingMs: 5_000,
} as const
