import type { ChangeFeed, StoreChange } from '../ports/index.js'

/** How a dialect carries change notices to every process. */
export interface ChangeTransport {
  /** Sends one notice to every listening process. */
  send(payload: string): Promise<void>
  /** Delivers every notice sent by any process until the returned function is called. */
  listen(deliver: (payload: string) => void): Promise<() => Promise<void>>
  /** Delivers a notice when another process wrote since the last call and could not send one (SQLite). */
  catchUp?(deliver: (payload: string) => void): void
}

/** Everything may be stale: sent to subscribers after the transport lost notices (e.g. a reconnect). */
export const EVERYTHING: StoreChange = { topic: '*' }

/** A change feed over a transport, listening only while someone subscribes. */
export interface ManagedChangeFeed extends ChangeFeed {
  /** Stops listening. */
  close(): Promise<void>
}

const parse = (payload: string): StoreChange | undefined => {
  try {
    const value = JSON.parse(payload) as StoreChange
    return typeof value?.topic === 'string' ? value : undefined
  } catch {
    return undefined
  }
}

/** Builds the store's change feed on `transport`. */
export function createChangeFeed(transport: ChangeTransport): ManagedChangeFeed {
  const listeners = new Set<(change: StoreChange) => void>()
  let stop: Promise<() => Promise<void>> | undefined
  const deliver = (payload: string) => {
    const change = parse(payload)
    if (change === undefined) return
    for (const listener of [...listeners]) {
      try {
        listener(change)
      } catch {
        // A failing subscriber must not keep the others from hearing about the change.
      }
    }
  }
  return {
    publish: (change) => transport.send(JSON.stringify(change)),
    async subscribe(listener) {
      listeners.add(listener)
      stop ??= transport.listen(deliver)
      await stop
      return () => {
        listeners.delete(listener)
      }
    },
    catchUp() {
      if (stop !== undefined) transport.catchUp?.(deliver)
    },
    async close() {
      listeners.clear()
      if (stop !== undefined) await (await stop)()
      stop = undefined
    },
  }
}
