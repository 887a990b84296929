import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { serverTime } from '../../src/cli/commands/server-time.js'

const FALLBACK = new Date('2000-01-01T00:00:00.000Z')

describe('cli/server-time', () => {
  let server: Server
  let url: string
  let body = ''
  before(async () => {
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it("is the time the server's health route reports, to the millisecond", async () => {
    body = JSON.stringify({ status: 'ok', live: true, time: '2026-12-07T00:01:30.123Z' })
    assert.equal((await serverTime(url, () => FALLBACK)).toISOString(), '2026-12-07T00:01:30.123Z')
  })

  it("is this machine's clock when the endpoint is not Lanyard or says nothing usable", async () => {
    for (const answer of ['<html/>', '{}', '{"time":"soon"}']) {
      body = answer
      assert.equal(await serverTime(url, () => FALLBACK), FALLBACK)
    }
    assert.equal(await serverTime('http://127.0.0.1:1', () => FALLBACK), FALLBACK)
  })
})
