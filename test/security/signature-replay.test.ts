import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { CreateAccessKeyCommand, DeleteAccessKeyCommand, IAMClient } from '@aws-sdk/client-iam'
import { type RunningApp, startApp } from '../../src/app.js'
import { fixedClock } from '../../src/kernel/clock.js'
import { resolveConfig } from '../../src/server/index.js'
import { type RawRequest, sendRaw, signRaw } from './raw.js'

const BODY = 'Action=GetCallerIdentity&Version=2011-06-15'
const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }

describe('security: replaying a captured SigV4 request', () => {
  const clock = fixedClock(new Date())
  let app: RunningApp
  let dataDir: string
  let admin: { accessKeyId: string; secretAccessKey: string }

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lanyard-security-'))
    app = await startApp(
      resolveConfig({ host: '127.0.0.1', port: 0, dataDir }, { LANYARD_LOG_LEVEL: 'silent' }),
      {
        clock,
      },
    )
    const text = await readFile(app.credentialsFile, 'utf8')
    admin = {
      accessKeyId: /aws_access_key_id = (\S+)/.exec(text)![1]!,
      secretAccessKey: /aws_secret_access_key = (\S+)/.exec(text)![1]!,
    }
  })
  after(async () => {
    await app.stop()
    await rm(dataDir, { recursive: true, force: true })
  })

  const capture = (credentials: typeof admin): Promise<RawRequest> =>
    signRaw({
      url: app.url,
      credentials,
      service: 'sts',
      method: 'POST',
      path: '/',
      headers: FORM,
      body: BODY,
      signingDate: clock.now(),
    })

  it('a replay inside the 15-minute window is accepted (as by AWS); outside it, SignatureDoesNotMatch "Signature expired"', async () => {
    const captured = await capture(admin)
    assert.equal((await sendRaw(app.url, captured)).status, 200)
    clock.advance(14 * 60_000)
    try {
      assert.equal((await sendRaw(app.url, captured)).status, 200)
      clock.advance(2 * 60_000)
      const late = await sendRaw(app.url, captured)
      assert.equal(late.status, 403)
      assert.match(late.text, /<Code>SignatureDoesNotMatch<\/Code>/)
      assert.match(late.text, /Signature expired: \d{8}T\d{6}Z is now earlier than/)
    } finally {
      clock.advance(-16 * 60_000)
    }
  })

  it('a request signed more than 15 minutes ahead of the server clock is refused too', async () => {
    const ahead = await signRaw({
      url: app.url,
      credentials: admin,
      service: 'sts',
      method: 'POST',
      path: '/',
      headers: FORM,
      body: BODY,
      signingDate: new Date(clock.now().getTime() + 16 * 60_000),
    })
    const answer = await sendRaw(app.url, ahead)
    assert.equal(answer.status, 403)
    assert.match(answer.text, /<Code>SignatureDoesNotMatch<\/Code>/)
  })

  it('a captured request signed with an access key is refused once the key is deleted (InvalidClientTokenId)', async () => {
    const iam = new IAMClient({
      endpoint: app.url,
      region: 'us-east-1',
      credentials: admin,
      maxAttempts: 1,
    })
    const made = await iam.send(new CreateAccessKeyCommand({}))
    const key = {
      accessKeyId: made.AccessKey!.AccessKeyId!,
      secretAccessKey: made.AccessKey!.SecretAccessKey!,
    }
    const captured = await capture(key)
    assert.equal((await sendRaw(app.url, captured)).status, 200)
    await iam.send(new DeleteAccessKeyCommand({ AccessKeyId: key.accessKeyId }))
    const replay = await sendRaw(app.url, captured)
    assert.equal(replay.status, 403)
    assert.match(replay.text, /<Code>InvalidClientTokenId<\/Code>/)
  })
})
