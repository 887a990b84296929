import assert from 'node:assert/strict'
import type { IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'
import { describe, it } from 'node:test'
import { AwsError } from '../../src/kernel/aws-error.js'
import { readBody } from '../../src/server/read-body.js'

/** A request body stream with `headers`, as node:http hands it to the listener. */
function incoming(chunks: Buffer[], headers: Record<string, string>, failWith?: Error): IncomingMessage {
  const stream = Readable.from(
    (async function* () {
      yield* chunks
      if (failWith) throw failWith
    })(),
  )
  return Object.assign(stream, { headers }) as unknown as IncomingMessage
}

describe('readBody', () => {
  it('returns the bytes the client sent', async () => {
    const body = await readBody(incoming([Buffer.from('Action='), Buffer.from('X')], {}), 100)
    assert.equal(Buffer.from(body).toString(), 'Action=X')
  })

  it('refuses a declared or an actual length over the limit with RequestEntityTooLarge 413', async () => {
    await assert.rejects(readBody(incoming([], { 'content-length': '101' }), 100), {
      code: 'RequestEntityTooLarge',
      status: 413,
    })
    await assert.rejects(readBody(incoming([Buffer.alloc(101)], {}), 100), {
      code: 'RequestEntityTooLarge',
      status: 413,
    })
  })

  it('a body the client aborts is IncompleteBody 400, not an internal failure (fuzz regression)', async () => {
    const aborted = Object.assign(new Error('aborted'), { code: 'ECONNRESET' })
    await assert.rejects(
      readBody(incoming([Buffer.from('Act')], { 'content-length': '10' }, aborted), 100),
      (error) => {
        assert.ok(error instanceof AwsError)
        assert.equal(error.code, 'IncompleteBody')
        assert.equal(error.status, 400)
        return true
      },
    )
  })
})
