import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  AddUserToGroupCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  GetContextKeysForCustomPolicyCommand,
  GetContextKeysForPrincipalPolicyCommand,
  GetUserCommand,
  IAMClient,
  ListGroupsCommand,
  ListRolesCommand,
  ListUsersCommand,
  PutGroupPolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam'
import { startTestServer, type TestServer } from '../start.js'
import { ACCOUNT, adminClient } from './role-fixtures.js'
import { rejectsWith } from './user-fixtures.js'

const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement }, null, 2)
const userArn = (name: string) => `arn:aws:iam::${ACCOUNT}:user/${name}`

/** One real call, the action and resource it authorizes. */
interface Probe {
  readonly action: string
  readonly resource: string
  readonly call: (iam: IAMClient) => Promise<unknown>
}

const PROBES: readonly Probe[] = [
  { action: 'iam:ListUsers', resource: userArn(''), call: (c) => c.send(new ListUsersCommand({})) },
  {
    action: 'iam:ListGroups',
    resource: `arn:aws:iam::${ACCOUNT}:group/`,
    call: (c) => c.send(new ListGroupsCommand({})),
  },
  { action: 'iam:ListRoles', resource: '*', call: (c) => c.send(new ListRolesCommand({})) },
  {
    action: 'iam:GetUser',
    resource: userArn('admin'),
    call: (c) => c.send(new GetUserCommand({ UserName: 'admin' })),
  },
  {
    action: 'iam:GetUser',
    resource: userArn('alice'),
    call: (c) => c.send(new GetUserCommand({ UserName: 'alice' })),
  },
]

/** What a real request got: allowed, or the kind of denial the AccessDenied stands for. */
async function enforced(iam: IAMClient, probe: Probe): Promise<boolean> {
  try {
    await probe.call(iam)
    return true
  } catch (error) {
    assert.equal((error as Error).name, 'AccessDenied')
    return false
  }
}

describe('e2e: IAM policy simulation agrees with enforcement (SDK v3)', () => {
  let server: TestServer
  let iam: IAMClient
  const clients = new Map<string, IAMClient>()

  async function user(name: string): Promise<void> {
    await iam.send(new CreateUserCommand({ UserName: name }))
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!
    clients.set(
      name,
      new IAMClient({
        endpoint: server.url,
        region: 'us-east-1',
        maxAttempts: 1,
        credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! },
      }),
    )
  }

  before(async () => {
    server = await startTestServer()
    iam = adminClient(server)
    // alice: inline allow on users, a deny on admin, and a group that may list roles.
    await user('alice')
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'alice',
        PolicyName: 'read-users',
        PolicyDocument: doc(
          { Effect: 'Allow', Action: ['iam:ListUsers', 'iam:GetUser'], Resource: '*' },
          { Effect: 'Deny', Action: 'iam:GetUser', Resource: userArn('admin') },
        ),
      }),
    )
    await iam.send(new CreateGroupCommand({ GroupName: 'readers' }))
    await iam.send(new AddUserToGroupCommand({ GroupName: 'readers', UserName: 'alice' }))
    await iam.send(
      new PutGroupPolicyCommand({
        GroupName: 'readers',
        PolicyName: 'roles',
        PolicyDocument: doc({ Effect: 'Allow', Action: 'iam:ListRoles', Resource: '*' }),
      }),
    )
    // bob: a managed policy allowing iam:List*, limited by a boundary to ListUsers and GetUser.
    await user('bob')
    const managed = await iam.send(
      new CreatePolicyCommand({
        PolicyName: 'lister',
        PolicyDocument: doc({ Effect: 'Allow', Action: ['iam:List*', 'iam:GetUser'], Resource: '*' }),
      }),
    )
    const boundary = await iam.send(
      new CreatePolicyCommand({
        PolicyName: 'bound',
        PolicyDocument: doc({ Effect: 'Allow', Action: ['iam:ListUsers', 'iam:GetUser'], Resource: '*' }),
      }),
    )
    await iam.send(new AttachUserPolicyCommand({ UserName: 'bob', PolicyArn: managed.Policy!.Arn! }))
    await iam.send(
      new PutUserPermissionsBoundaryCommand({ UserName: 'bob', PermissionsBoundary: boundary.Policy!.Arn! }),
    )
    // carol: no policies at all.
    await user('carol')
  })
  after(() => server.stop())

  for (const name of ['alice', 'bob', 'carol']) {
    it(`${name}: every simulated decision equals what the real request gets`, async () => {
      for (const probe of PROBES) {
        const out = await iam.send(
          new SimulatePrincipalPolicyCommand({
            PolicySourceArn: userArn(name),
            ActionNames: [probe.action],
            ResourceArns: [probe.resource],
          }),
        )
        const simulated = out.EvaluationResults![0]!.EvalDecision === 'allowed'
        assert.equal(
          simulated,
          await enforced(clients.get(name)!, probe),
          `${name} ${probe.action} ${probe.resource}`,
        )
      }
    })
  }

  it('an explicit deny lists only the deny statement, with its position in the document text', async () => {
    const out = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: userArn('alice'),
        ActionNames: ['iam:GetUser'],
        ResourceArns: [userArn('admin')],
      }),
    )
    const result = out.EvaluationResults![0]!
    assert.equal(result.EvalDecision, 'explicitDeny')
    assert.equal(result.EvalResourceName, userArn('admin'))
    // doc() pretty-prints: the second statement spans lines 12–16, indented by four spaces.
    assert.deepEqual(result.MatchedStatements, [
      {
        SourcePolicyId: 'read-users',
        SourcePolicyType: 'user',
        StartPosition: { Line: 12, Column: 5 },
        EndPosition: { Line: 16, Column: 5 },
      },
    ])
    assert.equal(result.ResourceSpecificResults?.[0]?.EvalResourceDecision, 'explicitDeny')
  })

  it('an allow cites the group policy that grants it; a boundary reports its own decision', async () => {
    const alice = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: userArn('alice'),
        ActionNames: ['iam:ListRoles'],
      }),
    )
    assert.deepEqual(
      alice.EvaluationResults![0]!.MatchedStatements!.map((s) => [s.SourcePolicyId, s.SourcePolicyType]),
      [['roles', 'group']],
    )
    assert.equal(alice.EvaluationResults![0]!.EvalResourceName, '*')
    assert.equal(alice.EvaluationResults![0]!.ResourceSpecificResults, undefined)
    const bob = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: userArn('bob'),
        ActionNames: ['iam:ListUsers', 'iam:ListRoles'],
      }),
    )
    const [users, roles] = bob.EvaluationResults!
    assert.equal(users!.EvalDecision, 'allowed')
    assert.deepEqual(
      users!.MatchedStatements!.map((s) => [s.SourcePolicyId, s.SourcePolicyType]),
      [
        ['lister', 'user-managed'],
        ['bound', 'user-managed'],
      ],
    )
    assert.deepEqual(users!.PermissionsBoundaryDecisionDetail, { AllowedByPermissionsBoundary: true })
    assert.equal(roles!.EvalDecision, 'implicitDeny')
    assert.deepEqual(roles!.MatchedStatements, [])
    assert.deepEqual(roles!.PermissionsBoundaryDecisionDetail, { AllowedByPermissionsBoundary: false })
  })

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

  it('a user without the permission cannot simulate', async () => {
    await rejectsWith(
      clients.get('carol')!.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: userArn('alice'),
          ActionNames: ['iam:GetUser'],
        }),
      ),
      'AccessDenied',
      `User: ${userArn('carol')} is not authorized to perform: iam:SimulatePrincipalPolicy on resource: ${userArn('alice')}`,
      403,
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
})
