import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { GetRoleCommand } from '@aws-sdk/client-iam'
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers'
import { runCredentials } from '../../../src/cli/commands/credentials.js'
import { REVOKE_POLICY_NAME, revokeOlderSessionsPolicy } from '../../../src/cli/commands/iam.js'
import { startTestServer, type TestServer } from '../start.js'
import { ACCOUNT, ACCOUNT_TRUST, createRole, iamClient, keysOf, policy, stsClient } from './sts-fixtures.js'

const run = promisify(execFile)
const AWS = '/usr/bin/aws'
const PYTHON = '/usr/bin/python3'
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/clients`
const MAIN = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url))

async function missing(command: string, args: readonly string[]): Promise<string | undefined> {
  try {
    await run(command, args)
    return undefined
  } catch (error) {
    return `${command} ${args.join(' ')} failed: ${(error as Error).message.split('\n')[0]} (CI installs awscli and python3-boto3)`
  }
}
const awsMissing = await missing(AWS, ['--version'])
const boto3Missing = await missing(PYTHON, ['-c', 'import boto3'])

/** boto3: assume the role, then who am I with the session; prints JSON. */
const BOTO3_SCRIPT = `
import json, os, boto3
endpoint = os.environ["LANYARD_URL"]
out = boto3.Session().client("sts", endpoint_url=endpoint).assume_role(
    RoleArn=os.environ["ROLE_ARN"], RoleSessionName="boto3", DurationSeconds=900,
    Tags=[{"Key": "Client", "Value": "boto3"}])
c = out["Credentials"]
me = boto3.Session(aws_access_key_id=c["AccessKeyId"], aws_secret_access_key=c["SecretAccessKey"],
    aws_session_token=c["SessionToken"]).client("sts", endpoint_url=endpoint).get_caller_identity()
print(json.dumps({"arn": me["Arn"], "assumed": out["AssumedRoleUser"]["Arn"], "packed": out["PackedPolicySize"]}))
`

describe('e2e: STS clients — SDK v3 fromTemporaryCredentials, AWS CLI, boto3, credential_process', () => {
  let server: TestServer
  let env: NodeJS.ProcessEnv
  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
    await createRole(server.url, server.credentials, server.app.store, 'clients', ACCOUNT_TRUST, [
      policy({ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }),
    ])
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      AWS_SHARED_CREDENTIALS_FILE: server.app.credentialsFile,
      AWS_PROFILE: 'lanyard',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: '/dev/null',
      LANYARD_URL: server.url,
      ROLE_ARN,
    }
  })
  after(() => server.stop())

  it('SDK v3 fromTemporaryCredentials assumes the role through the Lanyard endpoint', async () => {
    const credentials = fromTemporaryCredentials({
      params: { RoleArn: ROLE_ARN, RoleSessionName: 'sdk' },
      masterCredentials: server.credentials,
      clientConfig: { endpoint: server.url, region: 'us-east-1' },
    })
    const me = await stsClient(server.url, await credentials()).send(new GetCallerIdentityCommand({}))
    assert.equal(me.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/clients/sdk`)
  })

  it('lanyard credentials prints credential_process JSON that signs as the role session', async () => {
    const out = await runCredentials(
      { roleArn: ROLE_ARN, roleSessionName: 'process', durationSeconds: '900', dataDir: server.dataDir },
      { AWS_ENDPOINT_URL: server.url, AWS_PROFILE: 'some-profile-that-runs-this' },
    )
    assert.equal(out.Version, 1)
    assert.match(out.AccessKeyId, /^ASIA/)
    assert.ok(Date.parse(out.Expiration) - Date.now() <= 900_000)
    const me = await stsClient(server.url, {
      accessKeyId: out.AccessKeyId,
      secretAccessKey: out.SecretAccessKey,
      sessionToken: out.SessionToken,
    }).send(new GetCallerIdentityCommand({}))
    assert.equal(me.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/clients/process`)
  })

  it('AWS CLI: sts assume-role, then a call with the returned credentials', {
    skip: awsMissing,
  }, async () => {
    const { stdout } = await run(
      AWS,
      [
        'sts',
        'assume-role',
        '--role-arn',
        ROLE_ARN,
        '--role-session-name',
        'cli',
        '--endpoint-url',
        server.url,
        '--output',
        'json',
      ],
      { env },
    )
    const out = JSON.parse(stdout) as {
      Credentials: Record<string, string>
      AssumedRoleUser: { Arn: string }
    }
    assert.equal(out.AssumedRoleUser.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/clients/cli`)
    const role = await run(
      AWS,
      ['iam', 'get-role', '--role-name', 'clients', '--endpoint-url', server.url, '--output', 'json'],
      {
        env: {
          ...env,
          AWS_PROFILE: undefined,
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
          AWS_ACCESS_KEY_ID: out.Credentials.AccessKeyId,
          AWS_SECRET_ACCESS_KEY: out.Credentials.SecretAccessKey,
          AWS_SESSION_TOKEN: out.Credentials.SessionToken,
        },
      },
    )
    assert.equal(JSON.parse(role.stdout).Role.Arn, ROLE_ARN)
  })

  it('AWS CLI: a profile with credential_process = lanyard credentials', { skip: awsMissing }, async () => {
    const config = join(server.dataDir, 'aws-config')
    const command = `${process.execPath} --import tsx ${MAIN} credentials --role-arn ${ROLE_ARN} --role-session-name viaprocess --data-dir ${server.dataDir}`
    await writeFile(config, `[profile viarole]\ncredential_process = ${command}\n`)
    const { stdout } = await run(
      AWS,
      ['sts', 'get-caller-identity', '--endpoint-url', server.url, '--output', 'json'],
      {
        env: { ...env, AWS_CONFIG_FILE: config, AWS_PROFILE: 'viarole', AWS_ENDPOINT_URL: server.url },
        cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      },
    )
    assert.equal(JSON.parse(stdout).Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/clients/viaprocess`)
  })

  it('AWS CLI: put-role-policy AWSRevokeOlderSessions denies the older session on its next call', {
    skip: awsMissing,
  }, async () => {
    await createRole(server.url, server.credentials, server.app.store, 'cli-revoked', ACCOUNT_TRUST, [
      policy({ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }),
    ])
    const assumed = await stsClient(server.url, server.credentials).send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${ACCOUNT}:role/cli-revoked`,
        RoleSessionName: 'older',
      }),
    )
    const iam = iamClient(server.url, keysOf(assumed.Credentials))
    assert.ok((await iam.send(new GetRoleCommand({ RoleName: 'cli-revoked' }))).Role)
    await new Promise((resolve) => setTimeout(resolve, 5))
    const document = revokeOlderSessionsPolicy(new Date())
    await run(
      AWS,
      [
        'iam',
        'put-role-policy',
        '--role-name',
        'cli-revoked',
        '--policy-name',
        REVOKE_POLICY_NAME,
        '--policy-document',
        document,
        '--endpoint-url',
        server.url,
      ],
      { env },
    )
    await assert.rejects(iam.send(new GetRoleCommand({ RoleName: 'cli-revoked' })), { name: 'AccessDenied' })
  })

  it('boto3: assume_role with tags, then get_caller_identity with the session', {
    skip: boto3Missing,
  }, async () => {
    const { stdout } = await run(PYTHON, ['-c', BOTO3_SCRIPT], { env })
    const out = JSON.parse(stdout) as { arn: string; assumed: string; packed: number }
    assert.equal(out.arn, `arn:aws:sts::${ACCOUNT}:assumed-role/clients/boto3`)
    assert.equal(out.assumed, out.arn)
    assert.ok(out.packed > 0)
  })
})
