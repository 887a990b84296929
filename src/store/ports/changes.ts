/** A notice that cached state derived from the store is stale. */
export interface StoreChange {
  /** What changed, e.g. `iam` or `role`; subscribers decide what to drop. */
  readonly topic: string
  /** The account whose state changed, when there is one. */
  readonly accountId?: string
  /** The changed entity's id or ARN, when there is one. */
  readonly id?: string
}

/** Cache invalidation across every process sharing the database. */
export interface ChangeFeed {
  /**
   * Announces a change to every subscriber in every process, this one included. Inside
   * `Store.transaction` the notice is sent after the commit, and not at all on rollback.
   */
  publish(change: StoreChange): Promise<void>
  /** Calls `listener` for every change published after this resolves; resolves to the function that unsubscribes. */
  subscribe(listener: (change: StoreChange) => void): Promise<() => void>
  /**
   * Delivers, before it returns, a notice for writes that other processes committed and that the
   * transport cannot push (SQLite: another process on the same file). Cheap; call it before using a cached value.
   */
  catchUp(): void
}
