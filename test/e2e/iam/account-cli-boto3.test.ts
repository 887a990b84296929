import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { awsMissing, boto3Missing, type DebianClients, startServerWithClients } from '../debian-clients.js'
import type { TestServer } from '../start.js'

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
  let clients: DebianClients
  before(async () => {
    ;({ server, clients } = await startServerWithClients())
  })
  after(() => server.stop())

  it('aws iam simulate-principal-policy: the admin user is allowed by AdministratorAccess', {
    skip: awsMissing,
  }, async () => {
    const out = await clients.aws(
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
    const summary = (await clients.aws('iam', 'get-account-summary')).SummaryMap
    assert.equal(summary.Users, 1)
    assert.equal(summary.AccessKeysPerUserQuota, 2)
    await clients.aws('iam', 'create-account-alias', '--account-alias', 'cli-alias')
    assert.deepEqual((await clients.aws('iam', 'list-account-aliases')).AccountAliases, ['cli-alias'])
  })

  it('boto3: a paginated SimulateCustomPolicy and GetContextKeysForCustomPolicy', {
    skip: boto3Missing,
  }, async () => {
    const out = await clients.python(BOTO3_SCRIPT)
    assert.deepEqual(out.results, [
      ['s3:GetObject', 'allowed'],
      ['s3:PutObject', 'allowed'],
      ['s3:ListBucket', 'allowed'],
    ])
    assert.deepEqual(out.keys, ['aws:RequestedRegion'])
  })
})
