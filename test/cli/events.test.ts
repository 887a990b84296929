import assert from 'node:assert/strict'
import { PassThrough } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import { GetUserCommand, IAMClient } from '@aws-sdk/client-iam'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { runEvents } from '../../src/cli/commands/events.js'
import { startTestServer, type TestServer } from '../e2e/start.js'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

/** A stream that keeps what is written to it. */
function sink(): { out: PassThrough; text: () => string } {
  const out = new PassThrough()
  let text = ''
  out.on('data', (chunk) => {
    text += chunk
  })
  return { out, text: () => text }
}

const until = async (check: () => boolean, ms = 30_000) => {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('cli: lanyard events', () => {
  let server: TestServer
  // Only what `lanyard env` describes: the data dir's credentials file and profile, and the endpoint.
  let env: NodeJS.ProcessEnv
  let sdk: { endpoint: string; region: string; credentials: TestServer['credentials'] }
  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
    env = { AWS_ENDPOINT_URL: server.url }
    sdk = { endpoint: server.url, region: 'us-east-1', credentials: server.credentials }
    await new STSClient(sdk).send(new GetCallerIdentityCommand({}))
    await new IAMClient(sdk).send(new GetUserCommand({}))
    await server.app.flushAudit()
  })
  after(() => server.stop())

  it('prints the recent events oldest first as a table', async () => {
    const { out, text } = sink()
    await runEvents({ dataDir: server.dataDir }, { out, env })
    const lines = text().trimEnd().split('\n')
    assert.match(lines[0]!, /^TIME +SOURCE +EVENT +USER +ACCOUNT +SOURCE IP +ERROR$/)
    assert.match(lines[1]!, /^\S+Z +sts +GetCallerIdentity +admin +000000000000 +127\.0\.0\.1$/)
    assert.match(lines[2]!, /^\S+Z +iam +GetUser +admin /)
  })

  it('--name filters and --output json prints one CloudTrail record per line', async () => {
    const { out, text } = sink()
    await runEvents({ dataDir: server.dataDir, name: 'GetUser', output: 'json' }, { out, env })
    const records = text()
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line))
    assert.ok(records.length >= 1)
    for (const record of records) {
      assert.equal(record.eventName, 'GetUser')
      assert.equal(record.userIdentity.userName, 'admin')
    }
  })

  it('--user keeps that user only; --max bounds the listing', async () => {
    const none = sink()
    await runEvents(
      { dataDir: server.dataDir, user: 'somebody-else', output: 'json' },
      { out: none.out, env },
    )
    assert.equal(none.text(), '')
    const one = sink()
    await runEvents({ dataDir: server.dataDir, max: '1', output: 'json' }, { out: one.out, env })
    assert.equal(one.text().trimEnd().split('\n').length, 1)
  })

  it('--follow prints each new event once, oldest first, and not its own lookups', async () => {
    await server.app.flushAudit() // the earlier tests' lookups are history, not news
    const { out, text } = sink()
    const controller = new AbortController()
    const following = runEvents(
      { dataDir: server.dataDir, follow: true, max: '1', output: 'json' },
      { out, env, signal: controller.signal, intervalMs: 100 },
    )
    await until(() => text().length > 0)
    const sts = new STSClient(sdk)
    const first = await sts.send(new GetCallerIdentityCommand({}))
    const second = await new IAMClient(sdk).send(new GetUserCommand({ UserName: 'admin' }))
    await server.app.flushAudit()
    await until(() => text().includes(second.$metadata.requestId!))
    await new Promise((resolve) => setTimeout(resolve, 400))
    controller.abort()
    await following
    const records = text()
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line))
    const ids = records.slice(1).map((record) => record.requestID)
    assert.deepEqual(ids, [first.$metadata.requestId, second.$metadata.requestId])
    assert.ok(records.slice(1).every((record) => record.eventName !== 'LookupEvents'))
  })

  it('rejects a bad --output and --max', async () => {
    const { out } = sink()
    await assert.rejects(runEvents({ output: 'yaml' }, { out, env }), /--output must be json or table/)
    await assert.rejects(runEvents({ max: '0' }, { out, env }), /--max must be a positive integer/)
  })
})
