import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  AttachUserPolicyCommand,
  CreatePolicyCommand,
  DeletePolicyCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteUserPermissionsBoundaryCommand,
  GetPolicyCommand,
  GetUserCommand,
  type IAMClient,
  ListEntitiesForPolicyCommand,
  ListPoliciesCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
} from '@aws-sdk/client-iam'
import { startTestServer, type TestServer } from '../start.js'
import {
  ACCOUNT,
  addRole,
  addUser,
  adminOf,
  allowing,
  awsPolicyArn,
  denied,
  doc,
  localPolicyArn,
  rejects,
} from './policy-fixtures.js'

const BOUND = localPolicyArn('Bound')
const READ_IAM = doc(allowing(['iam:Get*', 'iam:List*']))

describe('e2e iam: permissions boundaries', () => {
  let server: TestServer
  let admin: IAMClient
  before(async () => {
    server = await startTestServer()
    admin = adminOf(server)
    await admin.send(new CreatePolicyCommand({ PolicyName: 'Bound', PolicyDocument: READ_IAM }))
    await addUser(server, 'alice')
    await addRole(server, 'app')
  })
  after(() => server.stop())

  it('Put*PermissionsBoundary sets the boundary shown by GetUser and counted by the policy', async () => {
    await admin.send(new PutUserPermissionsBoundaryCommand({ UserName: 'alice', PermissionsBoundary: BOUND }))
    await admin.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'app', PermissionsBoundary: BOUND }))
    const user = await admin.send(new GetUserCommand({ UserName: 'alice' }))
    assert.deepEqual(user.User?.PermissionsBoundary, {
      PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
      PermissionsBoundaryArn: BOUND,
    })
    const role = await server.app.store.roles.getByName(ACCOUNT, 'app')
    assert.equal(role?.permissionsBoundaryArn, BOUND)
    const policy = await admin.send(new GetPolicyCommand({ PolicyArn: BOUND }))
    assert.equal(policy.Policy?.PermissionsBoundaryUsageCount, 2)
    assert.equal(policy.Policy?.AttachmentCount, 0)
    const listed = await admin.send(new ListPoliciesCommand({ PolicyUsageFilter: 'PermissionsBoundary' }))
    assert.deepEqual(
      listed.Policies?.map((p) => p.PolicyName),
      ['Bound'],
    )
    const entities = await admin.send(
      new ListEntitiesForPolicyCommand({ PolicyArn: BOUND, PolicyUsageFilter: 'PermissionsBoundary' }),
    )
    assert.deepEqual(
      entities.PolicyUsers?.map((u) => u.UserName),
      ['alice'],
    )
    assert.deepEqual(
      entities.PolicyRoles?.map((r) => r.RoleName),
      ['app'],
    )
    const permissions = await admin.send(
      new ListEntitiesForPolicyCommand({ PolicyArn: BOUND, PolicyUsageFilter: 'PermissionsPolicy' }),
    )
    assert.deepEqual([permissions.PolicyUsers, permissions.PolicyRoles], [[], []])
    await rejects(
      admin.send(new DeletePolicyCommand({ PolicyArn: BOUND })),
      'DeleteConflictException',
      'Cannot delete a policy attached to entities.',
      409,
    )
  })

  it('errors: a missing boundary policy, a missing principal, a service-linked role', async () => {
    const missing = localPolicyArn('Missing')
    await rejects(
      admin.send(new PutUserPermissionsBoundaryCommand({ UserName: 'alice', PermissionsBoundary: missing })),
      'NoSuchEntityException',
      `Scope ARN: ${missing} does not exist or is not attachable.`,
      404,
    )
    await rejects(
      admin.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'ghost', PermissionsBoundary: BOUND })),
      'NoSuchEntityException',
      'The role with name ghost cannot be found.',
      404,
    )
    await addRole(server, 'AWSServiceRoleForTest', '/aws-service-role/test.amazonaws.com/')
    await rejects(
      admin.send(
        new PutRolePermissionsBoundaryCommand({
          RoleName: 'AWSServiceRoleForTest',
          PermissionsBoundary: BOUND,
        }),
      ),
      'UnmodifiableEntityException',
      "Cannot perform the operation on the protected role 'AWSServiceRoleForTest' - this role is only modifiable by AWS",
      400,
    )
  })

  it('Delete*PermissionsBoundary removes it', async () => {
    await admin.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'app' }))
    await admin.send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'alice' }))
    assert.equal(
      (await admin.send(new GetUserCommand({ UserName: 'alice' }))).User?.PermissionsBoundary,
      undefined,
    )
    const policy = await admin.send(new GetPolicyCommand({ PolicyArn: BOUND }))
    assert.equal(policy.Policy?.PermissionsBoundaryUsageCount, 0)
  })

  it('a boundary limits an attached AdministratorAccess, and one cannot delete one’s own boundary without leave', async () => {
    const bounded = await addUser(server, 'bounded')
    await admin.send(
      new AttachUserPolicyCommand({ UserName: 'bounded', PolicyArn: awsPolicyArn('AdministratorAccess') }),
    )
    await bounded.client.send(new CreatePolicyCommand({ PolicyName: 'Before', PolicyDocument: READ_IAM }))
    await admin.send(
      new PutUserPermissionsBoundaryCommand({ UserName: 'bounded', PermissionsBoundary: BOUND }),
    )
    assert.ok((await bounded.client.send(new ListPoliciesCommand({ Scope: 'Local' }))).Policies)
    await rejects(
      bounded.client.send(new CreatePolicyCommand({ PolicyName: 'After', PolicyDocument: READ_IAM })),
      'AccessDenied',
      denied('bounded', 'iam:CreatePolicy', localPolicyArn('After')),
      403,
    )
    await rejects(
      bounded.client.send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'bounded' })),
      'AccessDenied',
      denied('bounded', 'iam:DeleteUserPermissionsBoundary', bounded.arn),
      403,
    )
    // With a boundary that allows it, the same call succeeds and the next request is unbounded.
    await admin.send(
      new CreatePolicyCommand({
        PolicyName: 'Leaky',
        PolicyDocument: doc(
          allowing(['iam:Get*', 'iam:List*']),
          allowing('iam:DeleteUserPermissionsBoundary', bounded.arn),
        ),
      }),
    )
    await admin.send(
      new PutUserPermissionsBoundaryCommand({
        UserName: 'bounded',
        PermissionsBoundary: localPolicyArn('Leaky'),
      }),
    )
    await bounded.client.send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'bounded' }))
    await bounded.client.send(new CreatePolicyCommand({ PolicyName: 'After', PolicyDocument: READ_IAM }))
  })

  it('iam:PermissionsBoundary: a delegate may set only the approved boundary and change only bounded roles', async () => {
    const condition = { StringEquals: { 'iam:PermissionsBoundary': BOUND } }
    const delegate = await addUser(server, 'delegate', [
      doc(allowing(['iam:PutRolePermissionsBoundary', 'iam:PutRolePolicy'], '*', condition)),
    ])
    await addRole(server, 'worker')
    const inline = new PutRolePolicyCommand({ RoleName: 'worker', PolicyName: 'p', PolicyDocument: READ_IAM })
    const workerArn = `arn:aws:iam::${ACCOUNT}:role/worker`
    await rejects(
      delegate.client.send(inline),
      'AccessDenied',
      denied('delegate', 'iam:PutRolePolicy', workerArn),
      403,
    )
    await rejects(
      delegate.client.send(
        new PutRolePermissionsBoundaryCommand({
          RoleName: 'worker',
          PermissionsBoundary: localPolicyArn('Leaky'),
        }),
      ),
      'AccessDenied',
      denied('delegate', 'iam:PutRolePermissionsBoundary', workerArn),
      403,
    )
    await delegate.client.send(
      new PutRolePermissionsBoundaryCommand({ RoleName: 'worker', PermissionsBoundary: BOUND }),
    )
    await delegate.client.send(inline)
    await rejects(
      delegate.client.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'worker' })),
      'AccessDenied',
      denied('delegate', 'iam:DeleteRolePermissionsBoundary', workerArn),
      403,
    )
  })
})
