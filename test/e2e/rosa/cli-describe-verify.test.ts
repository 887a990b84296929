import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam'
import { startTestServer, type TestServer } from '../start.js'
import { type RosaCliResult, rosaCliEnv, runRosaCli } from './rosa-cli-fixtures.js'

describe('e2e: lanyard rosa describe and verify on the command line', () => {
  let server: TestServer
  let env: NodeJS.ProcessEnv

  /** Runs `lanyard rosa …` as a child process with `extra` in its environment. */
  const rosa = (extra: NodeJS.ProcessEnv, ...args: string[]): Promise<RosaCliResult> =>
    runRosaCli({ ...env, ...extra }, ...args)

  before(async () => {
    server = await startTestServer()
    env = rosaCliEnv(server)
  })
  after(() => server.stop())

  it('describe account-roles prints each role readably, --output json the documents', async () => {
    assert.equal((await rosa({}, 'create', 'account-roles', '--prefix', 'Desc')).code, 0)
    const text = await rosa({}, 'describe', 'account-roles', '--prefix', 'Desc')
    assert.equal(text.code, 0, text.stderr)
    assert.match(
      text.stdout,
      /^Desc-Installer-Role\n {2}ARN: +arn:aws:iam::000000000000:role\/Desc-Installer-Role$/m,
    )
    assert.match(text.stdout, /^ {2}Trusted principals: ec2\.amazonaws\.com$/m)
    assert.match(
      text.stdout,
      /^ {2}Attached policies: +arn:aws:iam::000000000000:policy\/Desc-Worker-Role-Policy \(v1, OpenShift 4\.22\)$/m,
    )
    const json = await rosa({}, 'describe', 'account-roles', '--prefix', 'Desc', '--output', 'json')
    const parsed = JSON.parse(json.stdout) as { roles: { name: string }[]; missing: string[] }
    assert.deepEqual(
      parsed.roles.map((r) => r.name),
      ['Desc-Installer-Role', 'Desc-ControlPlane-Role', 'Desc-Worker-Role', 'Desc-Support-Role'],
    )
    const absent = await rosa({}, 'describe', 'account-roles', '--prefix', 'None')
    assert.equal(absent.code, 1)
    assert.match(absent.stderr, /no account roles with prefix None: run `lanyard rosa create account-roles/)
  })

  it('verify permissions exits 0 for the admin and 1, naming the missing actions, for a narrower user', async () => {
    const ok = await rosa({}, 'verify', 'permissions')
    assert.equal(ok.code, 0, ok.stderr)
    assert.match(
      ok.stdout,
      /^arn:aws:iam::000000000000:user\/admin has all \d+ permissions ROSA needs in us-east-1$/m,
    )
    const iam = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.credentials })
    try {
      await iam.send(new CreateUserCommand({ UserName: 'cli-narrow' }))
      const policy = {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['ec2:*', 'iam:SimulatePrincipalPolicy'], Resource: '*' }],
      }
      await iam.send(
        new PutUserPolicyCommand({
          UserName: 'cli-narrow',
          PolicyName: 'p',
          PolicyDocument: JSON.stringify(policy),
        }),
      )
      const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'cli-narrow' }))).AccessKey!
      const file = join(server.dataDir, 'cli-narrow-credentials')
      await writeFile(
        file,
        `[narrow]\naws_access_key_id = ${key.AccessKeyId}\naws_secret_access_key = ${key.SecretAccessKey}\n`,
      )
      const narrow = await rosa({ AWS_SHARED_CREDENTIALS_FILE: file, AWS_PROFILE: 'narrow' }, 'verify', 'scp')
      assert.equal(narrow.code, 1)
      assert.match(
        narrow.stdout,
        /^arn:aws:iam::000000000000:user\/cli-narrow lacks \d+ of \d+ permissions:$/m,
      )
      assert.match(narrow.stdout, /^ {2}s3:GetObject\timplicitDeny\t\(from s3:\*\)$/m)
      assert.doesNotMatch(narrow.stdout, /ec2:RunInstances/)
      assert.match(narrow.stderr, /^lanyard rosa verify permissions: \d+ permissions missing$/m)
    } finally {
      iam.destroy()
    }
  })
})
