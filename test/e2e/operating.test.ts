import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { GetUserCommand, IAMClient } from '@aws-sdk/client-iam'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { loadMasterKey } from '../../src/server/index.js'
import { openStore } from '../../src/store/index.js'
import { adminKeys, spawnServer } from './server-process.js'
import { startTestServer, type TestServer } from './start.js'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

describe('e2e: health and metrics', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
  })
  after(() => server.stop())

  it('/_lanyard/health answers 200 with the store check', async () => {
    const response = await fetch(`${server.url}/_lanyard/health`)
    assert.equal(response.status, 200)
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/)
    const body = (await response.json()) as {
      status: string
      live: boolean
      checks: { store: { ok: boolean } }
    }
    assert.equal(body.status, 'ok')
    assert.equal(body.live, true)
    assert.equal(body.checks.store.ok, true)
  })

  it('/metrics counts the requests this server answered, and its decisions', async () => {
    const config = { endpoint: server.url, region: 'us-east-1', credentials: server.credentials }
    await new STSClient(config).send(new GetCallerIdentityCommand({}))
    await new IAMClient(config).send(new GetUserCommand({}))
    const response = await fetch(`${server.url}/metrics`)
    assert.equal(response.status, 200)
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/)
    const text = await response.text()
    assert.match(
      text,
      /lanyard_requests_total\{service="sts",operation="GetCallerIdentity",status="200"\} 1\n/,
    )
    assert.match(text, /lanyard_requests_total\{service="iam",operation="GetUser",status="200"\} 1\n/)
    assert.match(
      text,
      /lanyard_request_duration_seconds_bucket\{le="\+Inf",service="iam",operation="GetUser"\} 1\n/,
    )
    assert.match(text, /lanyard_authorization_decisions_total\{result="Allowed"\} 1\n/)
  })
})

describe('e2e: graceful shutdown', () => {
  it('SIGTERM exits 0 with the audit events of the last requests stored, and JSON logs on stderr', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lanyard-sigterm-'))
    try {
      const server = await spawnServer(dataDir, { ...process.env, LANYARD_LOG_LEVEL: 'debug' })
      const { url, stderr } = server
      const credentials = await adminKeys(dataDir)
      const sts = new STSClient({ endpoint: url, region: 'us-east-1', credentials })
      const answers = await Promise.all([1, 2, 3].map(() => sts.send(new GetCallerIdentityCommand({}))))
      const requestIds = answers.map((answer) => answer.$metadata.requestId!)
      sts.destroy()
      // Well within the writer's one-second interval: only the shutdown flush can store these.
      assert.equal(await server.stop('SIGTERM'), 0)

      const lines = stderr()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
      assert.ok(lines.some((line) => line.level === 30 && line.msg === 'listening' && line.url === url))
      for (const id of requestIds)
        assert.ok(
          lines.some((line) => line.level === 20 && line.requestId === id && line.status === 200),
          id,
        )
      assert.ok(lines.some((line) => line.msg === 'stopped'))

      const store = await openStore({
        kind: 'sqlite',
        file: join(dataDir, 'lanyard.db'),
        masterKey: await loadMasterKey(dataDir, undefined),
      })
      try {
        const page = await store.audit.query({ eventName: 'GetCallerIdentity', limit: 50 })
        const stored = page.items.map((event) => event.requestId)
        for (const id of requestIds) assert.ok(stored.includes(id), `audit event of ${id}`)
      } finally {
        await store.close()
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
