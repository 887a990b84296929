import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { runCreateAccount } from '../../src/cli/commands/accounts.js'
import { startTestServer, type TestServer } from '../e2e/start.js'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

const quiet = () => new PassThrough().resume()

describe('cli: lanyard accounts create', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
  })
  after(() => server.stop())

  it('creates the account with an admin whose key is appended as profile lanyard-<id>, mode 0600', async () => {
    const out = new PassThrough()
    let text = ''
    out.on('data', (chunk) => {
      text += chunk
    })
    const made = await runCreateAccount({ dataDir: server.dataDir, id: '222233334444', name: 'dev' }, out, {})
    assert.equal(made.accountId, '222233334444')
    assert.equal(made.accountName, 'dev')
    assert.equal(made.profile, 'lanyard-222233334444')
    assert.match(text, /Account: +222233334444 \(dev\)/)
    assert.match(text, /arn:aws:iam::222233334444:user\/admin/)
    assert.doesNotMatch(
      text,
      new RegExp(made.secretAccessKey.replace(/[+/]/g, '\\$&')),
      'the secret is not printed',
    )
    const file = await readFile(made.file, 'utf8')
    assert.match(file, /^\[lanyard\]\n/, 'the default profile stays first')
    assert.ok(
      file.includes(
        `[lanyard-222233334444]\naws_access_key_id = ${made.accessKeyId}\naws_secret_access_key = ${made.secretAccessKey}\n`,
      ),
    )
    assert.equal((await stat(made.file)).mode & 0o777, 0o600)
    // The running server on the same data dir accepts the new key at once.
    const sts = new STSClient({ endpoint: server.url, region: 'us-east-1', credentials: made })
    const identity = await sts.send(new GetCallerIdentityCommand({}))
    assert.equal(identity.Arn, 'arn:aws:iam::222233334444:user/admin')
    assert.match(made.accessKeyId, /^AKIA[A-Z2-7]{16}$/)
  })

  it('a duplicate id is DuplicateAccountException', async () => {
    await assert.rejects(runCreateAccount({ dataDir: server.dataDir, id: '222233334444' }, quiet(), {}), {
      name: 'DuplicateAccountException',
      message: 'An account with ID 222233334444 already exists.',
    })
    await assert.rejects(runCreateAccount({ dataDir: server.dataDir, id: '000000000000' }, quiet(), {}), {
      name: 'DuplicateAccountException',
    })
  })

  it('an id that is not 12 digits is ValidationException', async () => {
    for (const id of ['12', '12345678901a', '1234567890123'])
      await assert.rejects(runCreateAccount({ dataDir: server.dataDir, id }, quiet(), {}), {
        name: 'ValidationException',
      })
  })

  it('without --id, a random 12-digit id; on a fresh data dir, the store is created first', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lanyard-accounts-'))
    try {
      const a = await runCreateAccount({ dataDir }, quiet(), {})
      const b = await runCreateAccount({ dataDir }, quiet(), {})
      assert.match(a.accountId, /^\d{12}$/)
      assert.notEqual(a.accountId, b.accountId)
      assert.equal(a.accountName, `account-${a.accountId}`)
      const file = await readFile(join(dataDir, 'credentials'), 'utf8')
      assert.deepEqual(
        [...file.matchAll(/^\[(.+)\]$/gm)].map((m) => m[1]),
        ['lanyard', `lanyard-${a.accountId}`, `lanyard-${b.accountId}`],
      )
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
