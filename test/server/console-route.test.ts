import assert from 'node:assert/strict'
import { request } from 'node:http'
import { after, before, describe, it } from 'node:test'
import { resolveStaticPath, withResourceAccountCopy } from '../../src/server/index.js'
import type { AuditEventRecord } from '../../src/store/index.js'
import { startTestServer, type TestServer } from '../e2e/start.js'

/** A raw request, so the path reaches the server exactly as written (fetch normalizes `..`). */
function raw(
  url: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url)
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => {
          body += chunk
        })
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('console static files', () => {
  it('resolves paths below the root and refuses ones that escape it', () => {
    assert.equal(resolveStaticPath('/srv/console', 'assets/a.js'), '/srv/console/assets/a.js')
    assert.equal(resolveStaticPath('/srv/console', '../secret'), undefined)
    assert.equal(resolveStaticPath('/srv/console', '%2e%2e/secret'), undefined)
    assert.equal(resolveStaticPath('/srv/console', 'assets/%2E%2E/%2E%2E/secret'), undefined)
    assert.equal(resolveStaticPath('/srv/console', '..%5csecret'), undefined)
    assert.equal(resolveStaticPath('/srv/console', 'a%00b'), undefined)
    assert.equal(resolveStaticPath('/srv/console', '%E0%A4%A'), undefined)
  })
})

describe('cross-account AssumeRole events', () => {
  const record = (accountId: string, roleArn: string): AuditEventRecord => ({
    eventId: 'e1',
    eventTime: new Date(0),
    accountId,
    eventSource: 'sts.amazonaws.com',
    eventName: 'AssumeRole',
    readOnly: false,
    requestId: 'r1',
    event: { eventID: 'e1', recipientAccountId: accountId, requestParameters: { roleArn } },
  })

  it('delivers a copy to the role’s account, both sharing a sharedEventID', () => {
    const [mine, theirs] = withResourceAccountCopy(record('111111111111', 'arn:aws:iam::222222222222:role/R'))
    assert.equal(mine!.accountId, '111111111111')
    assert.equal(theirs!.accountId, '222222222222')
    assert.equal(theirs!.event.recipientAccountId, '222222222222')
    assert.notEqual(theirs!.eventId, mine!.eventId)
    assert.equal(theirs!.event.eventID, theirs!.eventId)
    assert.equal(typeof mine!.event.sharedEventID, 'string')
    assert.equal(mine!.event.sharedEventID, theirs!.event.sharedEventID)
  })

  it('keeps a same-account event as it is, and a web-identity event (no caller account) only in the role’s', () => {
    const same = record('111111111111', 'arn:aws:iam::111111111111:role/R')
    assert.deepEqual(withResourceAccountCopy(same), [same])
    const web = withResourceAccountCopy(record('', 'arn:aws:iam::222222222222:role/R'))
    assert.deepEqual(
      web.map((r) => r.accountId),
      ['222222222222'],
    )
  })
})

describe('the console route of a started server', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer()
  })
  after(() => server.stop())

  it('serves index.html for client routes and 404 for missing files, with security headers', async (t) => {
    const index = await raw(server.url, '/console/roles/some-role')
    if (index.status === 404) return t.skip('console not built (npm run build:console)')
    assert.equal(index.status, 200)
    assert.match(String(index.headers['content-type']), /^text\/html/)
    assert.match(String(index.headers['content-security-policy']), /default-src 'self'/)
    assert.equal((await raw(server.url, '/console/missing.js')).status, 404)
    assert.equal((await raw(server.url, '/console')).status, 302)
    const gzipped = await raw(server.url, '/console/catalog.json', {
      headers: { 'accept-encoding': 'br, gzip' },
    })
    assert.equal(gzipped.headers['content-encoding'], 'gzip')
    assert.match(String(gzipped.headers['content-type']), /^application\/json/)
    const plain = await raw(server.url, '/console/catalog.json', {
      headers: { 'accept-encoding': 'gzip;q=0' },
    })
    assert.equal(plain.headers['content-encoding'], undefined)
    assert.ok(JSON.parse(plain.body).serviceNames.s3)
  })

  it('never serves a file outside the console folder', async () => {
    for (const path of [
      '/console/../package.json',
      '/console/%2e%2e/package.json',
      '/console/..%2fpackage.json',
    ]) {
      const answer = await raw(server.url, path)
      assert.doesNotMatch(answer.body, /"name": "lanyard"/, path)
    }
  })

  it('lets signed requests under /console through to the AWS pipeline', async () => {
    const answer = await raw(server.url, '/console/', {
      headers: {
        authorization: 'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20260101/us-east-1/s3/aws4_request',
      },
    })
    assert.notEqual(answer.status, 200)
    assert.doesNotMatch(answer.body, /<div id="root">/)
  })

  it('refuses a sign-in without the console header or JSON, and answers one text for every failure', async () => {
    const form = JSON.stringify({ account: '000000000000', userName: 'admin', password: 'wrong' })
    const url = `${server.url}/console/api/signin`
    const noHeader = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: form,
    })
    assert.equal(noHeader.status, 403)
    const formPost = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-lanyard-console': '1' },
      body: 'account=000000000000',
    })
    assert.equal(formPost.status, 403)
    const crossSite = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-lanyard-console': '1',
        origin: 'https://evil.example',
      },
      body: form,
    })
    assert.equal(crossSite.status, 403)
    const headers = { 'content-type': 'application/json', 'x-lanyard-console': '1' }
    const wrong = await fetch(url, { method: 'POST', headers, body: form })
    assert.equal(wrong.status, 401)
    const noAccount = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ account: '999999999999', userName: 'admin', password: 'x' }),
    })
    assert.deepEqual(await noAccount.json(), await wrong.json())
    assert.equal((await fetch(url)).status, 405)
  })
})
