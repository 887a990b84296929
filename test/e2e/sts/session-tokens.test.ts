import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { GetRoleCommand } from '@aws-sdk/client-iam'
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { type RunningApp, startApp } from '../../../src/app.js'
import { fixedClock } from '../../../src/kernel/clock.js'
import { resolveConfig } from '../../../src/server/index.js'
import {
  ACCOUNT,
  ACCOUNT_TRUST,
  createRole,
  iamClient,
  type Keys,
  keysOf,
  policy,
  rejectsWith,
  stsClient,
} from './sts-fixtures.js'

const INVALID = 'The security token included in the request is invalid'
const EXPIRED = 'The security token included in the request is expired'

describe('e2e: STS session tokens on a fixed clock (SDK v3)', () => {
  const clock = fixedClock(new Date())
  let app: RunningApp
  let dataDir: string
  let admin: Keys
  let session: Keys
  const roleArn = `arn:aws:iam::${ACCOUNT}:role/clocked`

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lanyard-sts-'))
    app = await startApp(resolveConfig({ host: '127.0.0.1', port: 0, dataDir }, {}), { clock })
    const text = await readFile(app.credentialsFile, 'utf8')
    admin = {
      accessKeyId: /aws_access_key_id = (\S+)/.exec(text)![1]!,
      secretAccessKey: /aws_secret_access_key = (\S+)/.exec(text)![1]!,
    }
    await createRole(app.url, admin, app.store, 'clocked', ACCOUNT_TRUST, [
      policy({ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }),
    ])
    const out = await stsClient(app.url, admin).send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'clock', DurationSeconds: 900 }),
    )
    session = keysOf(out.Credentials)
    assert.equal(out.Credentials!.Expiration!.getTime(), clock.now().getTime() + 900_000)
  })
  after(async () => {
    await app.stop()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('a session authenticates and is evaluated with the role policies', async () => {
    const me = await stsClient(app.url, session).send(new GetCallerIdentityCommand({}))
    assert.equal(me.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/clocked/clock`)
    const role = await iamClient(app.url, session).send(new GetRoleCommand({ RoleName: 'clocked' }))
    assert.equal(role.Role?.Arn, roleArn)
  })

  it('a tampered, truncated, missing or foreign token is InvalidClientTokenId', async () => {
    const token = session.sessionToken!
    const middle = Math.floor(token.length / 2)
    const flipped = token.slice(0, middle) + (token[middle] === 'A' ? 'B' : 'A') + token.slice(middle + 1)
    const other = keysOf(
      (
        await stsClient(app.url, admin).send(
          new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'other' }),
        )
      ).Credentials,
    )
    const variants: Keys[] = [
      { ...session, sessionToken: flipped },
      { ...session, sessionToken: token.slice(0, 40) },
      { accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey },
      { ...session, sessionToken: other.sessionToken! },
      { ...session, sessionToken: 'not a lanyard token' },
    ]
    for (const keys of variants)
      await rejectsWith(
        stsClient(app.url, keys).send(new GetCallerIdentityCommand({})),
        'InvalidClientTokenId',
        403,
        INVALID,
      )
  })

  it('a token past its Expiration is ExpiredToken', async () => {
    clock.advance(901_000)
    await rejectsWith(
      stsClient(app.url, session, 901_000).send(new GetCallerIdentityCommand({})),
      'ExpiredToken',
      403,
      EXPIRED,
    )
    await rejectsWith(
      iamClient(app.url, session, 901_000).send(new GetRoleCommand({ RoleName: 'clocked' })),
      'ExpiredToken',
      403,
      EXPIRED,
    )
  })
})
