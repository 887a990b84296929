import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  AddUserToGroupCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetUserCommand,
  IAMClient,
  ListGroupsCommand,
  ListRolesCommand,
  ListUsersCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam'
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'
import { startTestServer, type TestServer } from '../start.js'
import { ACCOUNT, ACCOUNT_TRUST, adminClient } from './role-fixtures.js'
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
  it('a role: the simulation agrees with a session of the role; a resource policy needs a CallerArn', async () => {
    await iam.send(
      new CreateRoleCommand({ RoleName: 'ops', Path: '/svc/', AssumeRolePolicyDocument: ACCOUNT_TRUST }),
    )
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'ops',
        PolicyName: 'list-roles',
        PolicyDocument: doc({ Effect: 'Allow', Action: ['iam:ListRoles', 'iam:GetUser'], Resource: '*' }),
      }),
    )
    const sts = new STSClient({ endpoint: server.url, region: 'us-east-1', credentials: server.credentials })
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/svc/ops`, RoleSessionName: 'sim' }),
    )
    const session = new IAMClient({
      endpoint: server.url,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: {
        accessKeyId: Credentials!.AccessKeyId!,
        secretAccessKey: Credentials!.SecretAccessKey!,
        sessionToken: Credentials!.SessionToken!,
      },
    })
    for (const probe of PROBES) {
      const out = await iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/svc/ops`,
          ActionNames: [probe.action],
          ResourceArns: [probe.resource],
        }),
      )
      const result = out.EvaluationResults![0]!
      assert.equal(result.EvalDecision === 'allowed', await enforced(session, probe), `ops ${probe.action}`)
      if (result.EvalDecision === 'allowed')
        assert.equal(result.MatchedStatements![0]!.SourcePolicyType, 'role')
    }
    await rejectsWith(
      iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/svc/ops`,
          ActionNames: ['s3:GetObject'],
          ResourcePolicy: doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }),
        }),
      ),
      'InvalidInputException',
      /CallerArn/,
      400,
    )
    await rejectsWith(
      iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/ops`,
          ActionNames: ['iam:GetUser'],
        }),
      ),
      'NoSuchEntityException',
      'The role with name ops cannot be found.',
      404,
    )
  })
})
