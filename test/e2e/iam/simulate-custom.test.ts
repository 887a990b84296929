import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  CreateUserCommand,
  GetContextKeysForCustomPolicyCommand,
  GetContextKeysForPrincipalPolicyCommand,
  type IAMClient,
  PutUserPolicyCommand,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam'
import { startTestServer, type TestServer } from '../start.js'
import { ACCOUNT, adminClient } from './role-fixtures.js'
import { rejectsWith } from './user-fixtures.js'

const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement }, null, 2)
const userArn = (name: string) => `arn:aws:iam::${ACCOUNT}:user/${name}`

describe('e2e: IAM SimulateCustomPolicy, simulation errors and context keys (SDK v3)', () => {
  let server: TestServer
  let iam: IAMClient
  before(async () => {
    server = await startTestServer()
    iam = adminClient(server)
    await iam.send(new CreateUserCommand({ UserName: 'carol' }))
  })
  after(() => server.stop())

  it('SimulateCustomPolicy: context entries decide conditions; absent keys are MissingContextValues', async () => {
    const policy = doc({
      Effect: 'Allow',
      Action: 's3:GetObject',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
      Resource: 'arn:aws:s3:::bucket/${aws:username}/*',
      Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' }, Bool: { 'aws:SecureTransport': 'true' } },
    })
    const simulateWith = (ContextEntries: object[]) =>
      iam.send(
        new SimulateCustomPolicyCommand({
          PolicyInputList: [policy],
          ActionNames: ['s3:GetObject'],
          ResourceArns: ['arn:aws:s3:::bucket/alice/key'],
          ContextEntries,
        }),
      )
    const bare = (await simulateWith([])).EvaluationResults![0]!
    assert.equal(bare.EvalDecision, 'implicitDeny')
    assert.deepEqual(bare.MissingContextValues, ['aws:username', 'aws:SourceIp', 'aws:SecureTransport'])
    const full = (
      await simulateWith([
        { ContextKeyName: 'aws:username', ContextKeyValues: ['alice'], ContextKeyType: 'string' },
        { ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['10.1.2.3'], ContextKeyType: 'ip' },
        { ContextKeyName: 'aws:SecureTransport', ContextKeyValues: ['true'], ContextKeyType: 'boolean' },
      ])
    ).EvaluationResults![0]!
    assert.equal(full.EvalDecision, 'allowed')
    assert.deepEqual(full.MissingContextValues, [])
    assert.deepEqual(full.MatchedStatements![0]!.SourcePolicyId, 'PolicyInputList.1')
    assert.deepEqual(full.MatchedStatements![0]!.SourcePolicyType, 'IAM Policy')
    const outside = (
      await simulateWith([
        { ContextKeyName: 'aws:username', ContextKeyValues: ['alice'], ContextKeyType: 'string' },
        { ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['192.168.0.1'], ContextKeyType: 'ip' },
        { ContextKeyName: 'aws:SecureTransport', ContextKeyValues: ['true'], ContextKeyType: 'boolean' },
      ])
    ).EvaluationResults![0]!
    assert.equal(outside.EvalDecision, 'implicitDeny')
  })

  it('SimulateCustomPolicy: a boundary input limits and a resource policy can grant on its own', async () => {
    const identity = doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' })
    const boundary = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })
    const bounded = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [identity],
        PermissionsBoundaryPolicyInputList: [boundary],
        ActionNames: ['s3:GetObject', 's3:PutObject'],
      }),
    )
    assert.deepEqual(
      bounded.EvaluationResults!.map((r) => [r.EvalActionName, r.EvalDecision]),
      [
        ['s3:GetObject', 'allowed'],
        ['s3:PutObject', 'implicitDeny'],
      ],
    )
    assert.equal(
      bounded.EvaluationResults![0]!.MatchedStatements![1]!.SourcePolicyId,
      'PermissionsBoundaryPolicyInputList.1',
    )
    const resourcePolicy = doc({
      Effect: 'Allow',
      Principal: { AWS: userArn('carol') },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::shared/*',
    })
    const granted = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [doc({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' })],
        ActionNames: ['s3:GetObject'],
        ResourceArns: ['arn:aws:s3:::shared/a'],
        ResourcePolicy: resourcePolicy,
        CallerArn: userArn('carol'),
      }),
    )
    const result = granted.EvaluationResults![0]!
    assert.equal(result.EvalDecision, 'allowed')
    assert.deepEqual(
      result.MatchedStatements!.map((s) => [s.SourcePolicyId, s.SourcePolicyType]),
      [['ResourcePolicy', 'resource']],
    )
    assert.equal(result.EvalDecisionDetails?.['Resource Policy'], 'allowed')
    assert.equal(result.EvalDecisionDetails?.['IAM Policy'], 'implicitDeny')
  })

  it('pages the results with MaxItems and Marker', async () => {
    const input = {
      PolicyInputList: [doc({ Effect: 'Allow', Action: 'iam:*', Resource: '*' })],
      ActionNames: ['iam:ListUsers', 'iam:ListRoles', 'iam:ListGroups'],
    }
    const first = await iam.send(new SimulateCustomPolicyCommand({ ...input, MaxItems: 2 }))
    assert.equal(first.IsTruncated, true)
    assert.deepEqual(
      first.EvaluationResults!.map((r) => r.EvalActionName),
      ['iam:ListUsers', 'iam:ListRoles'],
    )
    const second = await iam.send(new SimulateCustomPolicyCommand({ ...input, Marker: first.Marker }))
    assert.equal(second.IsTruncated, false)
    assert.deepEqual(
      second.EvaluationResults!.map((r) => r.EvalActionName),
      ['iam:ListGroups'],
    )
  })

  it('errors: a missing principal, a wildcard action, a malformed policy', async () => {
    await rejectsWith(
      iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: userArn('nobody'),
          ActionNames: ['iam:GetUser'],
        }),
      ),
      'NoSuchEntityException',
      'The user with name nobody cannot be found.',
      404,
    )
    await rejectsWith(
      iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [doc()], ActionNames: ['iam:*'] })),
      'InvalidInputException',
      /wildcards/,
      400,
    )
    await rejectsWith(
      iam.send(
        new SimulateCustomPolicyCommand({ PolicyInputList: ['{not json'], ActionNames: ['iam:GetUser'] }),
      ),
      'InvalidInputException',
      /PolicyInputList\.1/,
      400,
    )
  })

  it('GetContextKeysFor…Policy: condition and variable keys, de-duplicated, in document order', async () => {
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'carol',
        PolicyName: 'tagged',
        PolicyDocument: doc({
          Effect: 'Allow',
          Action: 'iam:GetUser',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
          Resource: 'arn:aws:iam::*:user/${aws:username}',
          Condition: { StringEquals: { 'aws:PrincipalTag/team': 'a', 'aws:RequestedRegion': 'us-east-1' } },
        }),
      }),
    )
    const principal = await iam.send(
      new GetContextKeysForPrincipalPolicyCommand({
        PolicySourceArn: userArn('carol'),
        PolicyInputList: [
          doc({
            Effect: 'Allow',
            Action: '*',
            Resource: '*',
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true', 'aws:principaltag/TEAM': 'x' } },
          }),
        ],
      }),
    )
    assert.deepEqual(principal.ContextKeyNames, [
      'aws:username',
      'aws:PrincipalTag/team',
      'aws:RequestedRegion',
      'aws:MultiFactorAuthPresent',
    ])
    const custom = await iam.send(
      new GetContextKeysForCustomPolicyCommand({
        PolicyInputList: [
          doc({
            Effect: 'Deny',
            Action: '*',
            Resource: '*',
            Condition: { Null: { 'aws:SourceVpc': 'true' } },
          }),
        ],
      }),
    )
    assert.deepEqual(custom.ContextKeyNames, ['aws:SourceVpc'])
  })
  it('ResourceOwner in another account: the identity side and the resource policy must both allow', async () => {
    const identity = doc({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' })
    const queue = 'arn:aws:sqs:us-east-1:111122223333:q'
    const simulateWith = (extra: object) =>
      iam.send(
        new SimulateCustomPolicyCommand({
          PolicyInputList: [identity],
          ActionNames: ['sqs:SendMessage'],
          ResourceArns: [queue],
          CallerArn: userArn('carol'),
          ResourceOwner: 'arn:aws:iam::111122223333:root',
          ...extra,
        }),
      )
    const alone = (await simulateWith({})).EvaluationResults![0]!
    assert.equal(alone.EvalDecision, 'implicitDeny')
    assert.deepEqual(alone.EvalDecisionDetails, { 'IAM Policy': 'allowed' })
    const resourcePolicy = doc({
      Effect: 'Allow',
      Principal: { AWS: userArn('carol') },
      Action: 'sqs:*',
      Resource: queue,
    })
    const both = (await simulateWith({ ResourcePolicy: resourcePolicy })).EvaluationResults![0]!
    assert.equal(both.EvalDecision, 'allowed')
    assert.deepEqual(both.EvalDecisionDetails, { 'IAM Policy': 'allowed', 'Resource Policy': 'allowed' })
    assert.deepEqual(
      both.MatchedStatements!.map((m) => m.SourcePolicyId),
      ['ResourcePolicy', 'PolicyInputList.1'],
    )
  })
})
