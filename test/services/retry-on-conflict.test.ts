import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { AwsError } from '../../src/kernel/aws-error.js'
import type { Operation, OperationContext } from '../../src/services/index.js'
import { retryOnConflict } from '../../src/services/retry-on-conflict.js'
import { StoreConflict } from '../../src/store/index.js'

const ctx = {} as OperationContext
const exhausted = () => new AwsError('PriorRequestNotComplete', 400, 'busy')

/** An operation whose run throws `failures` conflicts before it answers. */
function flaky(failures: number, error: unknown = new StoreConflict('zone')): Operation & { calls: number } {
  const op = {
    calls: 0,
    async authorize() {
      return []
    },
    async run() {
      op.calls++
      if (op.calls <= failures) throw error
      return { ok: op.calls }
    },
  }
  return op
}

describe('retryOnConflict', () => {
  it('re-runs a call that lost a write race', async () => {
    const op = flaky(2)
    assert.deepEqual(await retryOnConflict(op, exhausted).run(ctx, {}), { ok: 3 })
  })
  it('answers the service error after five lost races', async () => {
    const op = flaky(10)
    await assert.rejects(
      retryOnConflict(op, exhausted).run(ctx, {}),
      (e: AwsError) => e.code === 'PriorRequestNotComplete',
    )
    assert.equal(op.calls, 5)
  })
  it('passes other errors through at once', async () => {
    const op = flaky(1, new AwsError('NoSuchHostedZone', 404, 'x'))
    await assert.rejects(
      retryOnConflict(op, exhausted).run(ctx, {}),
      (e: AwsError) => e.code === 'NoSuchHostedZone',
    )
    assert.equal(op.calls, 1)
  })
})
