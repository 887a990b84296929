import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { resolveConfig } from '../../src/server/index.js'

describe('server config: workers', () => {
  it('is 1 by default: the app runs in the one process', () => {
    assert.equal(resolveConfig({}, {}).workers, 1)
  })

  it('takes LANYARD_WORKERS, and --workers over it', () => {
    assert.equal(resolveConfig({}, { LANYARD_WORKERS: '3' }).workers, 3)
    assert.equal(resolveConfig({ workers: '2' }, { LANYARD_WORKERS: '3' }).workers, 2)
  })

  it('refuses a count that is not a positive integer', () => {
    for (const workers of ['0', '-1', '1.5', 'two'])
      assert.throws(() => resolveConfig({ workers }, {}), {
        message: `invalid number of workers: ${workers}`,
      })
  })
})
