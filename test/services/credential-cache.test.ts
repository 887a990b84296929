import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DerivedCache } from '../../src/services/iam/credential-cache.js'
import type { ChangeFeed, StoreChange } from '../../src/store/index.js'

/** An in-memory change feed; `announce` delivers synchronously, as the SQLite transport does; `elsewhere` is delivered by the next catch-up. */
function feed(): ChangeFeed & { announce(change: StoreChange): void; elsewhere(change: StoreChange): void } {
  const listeners = new Set<(change: StoreChange) => void>()
  let unseen: StoreChange | undefined
  return {
    catchUp() {
      const change = unseen
      unseen = undefined
      if (change !== undefined) for (const listener of listeners) listener(change)
    },
    elsewhere(change) {
      unseen = change
    },
    publish: async (change) => {
      for (const listener of listeners) listener(change)
    },
    subscribe: async (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    announce(change) {
      for (const listener of listeners) listener(change)
    },
  }
}

describe('DerivedCache', () => {
  it('loads once, then answers from memory until a change notice of any topic', async () => {
    const changes = feed()
    const cache = new DerivedCache<number>(changes)
    let loads = 0
    const load = async () => ++loads
    assert.equal(await cache.get('k', load), 1)
    assert.equal(await cache.get('k', load), 1)
    changes.announce({ topic: 'anything' })
    assert.equal(await cache.get('k', load), 2)
  })

  it('does not keep a load that was in flight when a change came', async () => {
    const changes = feed()
    const cache = new DerivedCache<string>(changes)
    await cache.get('warm', async () => 'up')
    let release!: (value: string) => void
    const pending = cache.get('k', () => new Promise<string>((resolve) => (release = resolve)))
    changes.announce({ topic: 'iam' })
    release('stale')
    assert.equal(await pending, 'stale')
    assert.equal(await cache.get('k', async () => 'fresh'), 'fresh')
  })

  it('does not keep failed loads', async () => {
    const cache = new DerivedCache<string>(feed())
    await assert.rejects(
      cache.get('k', async () => {
        throw new Error('no such key')
      }),
    )
    assert.equal(await cache.get('k', async () => 'found'), 'found')
  })

  it('drops the least recently used entry beyond its limit', async () => {
    const cache = new DerivedCache<string>(feed(), 2)
    await cache.get('a', async () => 'a1')
    await cache.get('b', async () => 'b1')
    await cache.get('a', async () => 'a2')
    await cache.get('c', async () => 'c1')
    assert.equal(await cache.get('a', async () => 'a3'), 'a1')
    assert.equal(await cache.get('b', async () => 'b2'), 'b2')
  })

  it('loads without caching while the feed cannot be subscribed', async () => {
    const broken: ChangeFeed = {
      catchUp() {},
      publish: async () => {},
      subscribe: async () => {
        throw new Error('feed down')
      },
    }
    const cache = new DerivedCache<number>(broken)
    let loads = 0
    await cache.get('k', async () => ++loads)
    assert.equal(await cache.get('k', async () => ++loads), 2)
  })

  it('drops what it holds when a catch-up finds another process wrote', async () => {
    const changes = feed()
    const cache = new DerivedCache<string>(changes)
    assert.equal(await cache.get('a', async () => 'a1'), 'a1')
    changes.elsewhere({ topic: '*' })
    assert.equal(await cache.get('a', async () => 'a2'), 'a2')
    assert.equal(await cache.get('a', async () => 'a3'), 'a2')
  })
})
