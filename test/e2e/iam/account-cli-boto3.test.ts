import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { AWS, awsMissing, boto3Missing, PYTHON, run } from '../debian-clients.js'
import { startTestServer, type TestServer } from '../start.js'

/** boto3: a paginated simulation and the context keys of a custom policy; prints JSON. */
const BOTO3_SCRIPT = `
import json, os
import boto3
iam = boto3.Session().client("iam", endpoint_url=os.environ["LANYARD_URL"])
policy = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*",
                     "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}}]})
results = []
for page in iam.get_paginator("simulate_custom_policy").paginate(
        PolicyInputList=[policy], ActionNames=["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
        ContextEntries=[{"ContextKeyName": "aws:RequestedRegion", "ContextKeyValues": ["eu-west-1"],
                         "ContextKeyType": "string"}],
        PaginationConfig={"PageSize": 2}):
    results += [[r["EvalActionName"], r["EvalDecision"]] for r in page["EvaluationResults"]]
keys = iam.get_context_keys_for_custom_policy(PolicyInputList=[policy])["ContextKeyNames"]
print(json.dumps({"results": results, "keys": keys}))
`

describe('e2e: simulation and account calls through the AWS CLI and boto3', () => {
  let server: TestServer
  let env: NodeJS.ProcessEnv
  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      AWS_SHARED_CREDENTIALS_FILE: server.app.credentialsFile,
      AWS_PROFILE: 'lanyard',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: '/dev/null',
      LANYARD_URL: server.url,
    }
  })
  after(() => server.stop())

  const aws = async (...args: string[]) => {
    const { stdout } = await run(AWS, ['--endpoint-url', server.url, '--output', 'json', ...args], { env })
    return stdout.trim() === '' ? {} : JSON.parse(stdout)
  }

  it('aws iam simulate-principal-policy: the admin user is allowed by AdministratorAccess', {
    skip: awsMissing,
  }, async () => {
    const out = await aws(
      'iam',
      'simulate-principal-policy',
      '--policy-source-arn',
      'arn:aws:iam::000000000000:user/admin',
      '--action-names',
      'iam:CreateUser',
      's3:GetObject',
    )
    assert.deepEqual(
      out.EvaluationResults.map((r: { EvalActionName: string; EvalDecision: string }) => [
        r.EvalActionName,
        r.EvalDecision,
      ]),
      [
        ['iam:CreateUser', 'allowed'],
        ['s3:GetObject', 'allowed'],
      ],
    )
    assert.equal(out.EvaluationResults[0].MatchedStatements[0].SourcePolicyId, 'AdministratorAccess')
    assert.equal(out.EvaluationResults[0].MatchedStatements[0].SourcePolicyType, 'aws-managed')
  })

  it('aws iam get-account-summary and account aliases', { skip: awsMissing }, async () => {
    const summary = (await aws('iam', 'get-account-summary')).SummaryMap
    assert.equal(summary.Users, 1)
    assert.equal(summary.AccessKeysPerUserQuota, 2)
    await aws('iam', 'create-account-alias', '--account-alias', 'cli-alias')
    assert.deepEqual((await aws('iam', 'list-account-aliases')).AccountAliases, ['cli-alias'])
  })

  it('boto3: a paginated SimulateCustomPolicy and GetContextKeysForCustomPolicy', {
    skip: boto3Missing,
  }, async () => {
    const { stdout } = await run(PYTHON, ['-c', BOTO3_SCRIPT], { env })
    const out = JSON.parse(stdout)
    assert.deepEqual(out.results, [
      ['s3:GetObject', 'allowed'],
      ['s3:PutObject', 'allowed'],
      ['s3:ListBucket', 'allowed'],
    ])
    assert.deepEqual(out.keys, ['aws:RequestedRegion'])
  })
})
