import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreatePolicyCommand,
  DetachGroupPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  GetPolicyCommand,
  type IAMClient,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListPoliciesCommand,
} from '@aws-sdk/client-iam'
import { startTestServer, type TestServer } from '../start.js'
import {
  addGroup,
  addRole,
  addUser,
  adminOf,
  allowing,
  awsPolicyArn,
  denied,
  denying,
  doc,
  localPolicyArn,
  rejects,
} from './policy-fixtures.js'

const READ_ONLY = awsPolicyArn('ReadOnlyAccess')
const ADMIN = awsPolicyArn('AdministratorAccess')
const SOME = doc(allowing('sqs:SendMessage'))

describe('e2e iam: managed policy attachments', () => {
  let server: TestServer
  let admin: IAMClient
  before(async () => {
    server = await startTestServer()
    admin = adminOf(server)
    await addUser(server, 'alice')
    await addGroup(server, 'devs')
    await addRole(server, 'app', '/svc/')
    for (let i = 0; i < 11; i++)
      await admin.send(
        new CreatePolicyCommand({
          PolicyName: `P${i}`,
          Path: i === 0 ? '/team/' : '/',
          PolicyDocument: SOME,
        }),
      )
  })
  after(() => server.stop())

  it('attaches customer and AWS managed policies to users, groups and roles; twice is a no-op', async () => {
    await admin.send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: READ_ONLY }))
    await admin.send(
      new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: localPolicyArn('P0', '/team/') }),
    )
    await admin.send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: READ_ONLY }))
    await admin.send(new AttachGroupPolicyCommand({ GroupName: 'devs', PolicyArn: READ_ONLY }))
    await admin.send(new AttachRolePolicyCommand({ RoleName: 'app', PolicyArn: localPolicyArn('P1') }))
    const user = await admin.send(new ListAttachedUserPoliciesCommand({ UserName: 'alice' }))
    assert.deepEqual(user.AttachedPolicies, [
      { PolicyName: 'P0', PolicyArn: localPolicyArn('P0', '/team/') },
      { PolicyName: 'ReadOnlyAccess', PolicyArn: READ_ONLY },
    ])
    const team = await admin.send(
      new ListAttachedUserPoliciesCommand({ UserName: 'alice', PathPrefix: '/team/' }),
    )
    assert.deepEqual(
      team.AttachedPolicies?.map((p) => p.PolicyName),
      ['P0'],
    )
    const paged = await admin.send(new ListAttachedUserPoliciesCommand({ UserName: 'alice', MaxItems: 1 }))
    assert.equal(paged.IsTruncated, true)
    const group = await admin.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'devs' }))
    assert.deepEqual(
      group.AttachedPolicies?.map((p) => p.PolicyName),
      ['ReadOnlyAccess'],
    )
    const role = await admin.send(new ListAttachedRolePoliciesCommand({ RoleName: 'app' }))
    assert.deepEqual(
      role.AttachedPolicies?.map((p) => p.PolicyName),
      ['P1'],
    )
    assert.equal(
      (await admin.send(new GetPolicyCommand({ PolicyArn: READ_ONLY }))).Policy?.AttachmentCount,
      2,
    )
  })

  it('ListEntitiesForPolicy lists users, groups and roles with EntityFilter and PathPrefix', async () => {
    const all = await admin.send(new ListEntitiesForPolicyCommand({ PolicyArn: READ_ONLY }))
    assert.deepEqual(
      all.PolicyUsers?.map((u) => u.UserName),
      ['alice'],
    )
    assert.deepEqual(
      all.PolicyGroups?.map((g) => g.GroupName),
      ['devs'],
    )
    assert.deepEqual(all.PolicyRoles, [])
    assert.match(all.PolicyUsers?.[0]?.UserId ?? '', /^AIDA/)
    const groups = await admin.send(
      new ListEntitiesForPolicyCommand({ PolicyArn: READ_ONLY, EntityFilter: 'Group' }),
    )
    assert.deepEqual(groups.PolicyUsers, [])
    assert.deepEqual(
      groups.PolicyGroups?.map((g) => g.GroupName),
      ['devs'],
    )
    const svc = await admin.send(
      new ListEntitiesForPolicyCommand({ PolicyArn: localPolicyArn('P1'), PathPrefix: '/svc/' }),
    )
    assert.deepEqual(
      svc.PolicyRoles?.map((r) => r.RoleName),
      ['app'],
    )
    const none = await admin.send(
      new ListEntitiesForPolicyCommand({ PolicyArn: localPolicyArn('P1'), PathPrefix: '/x/' }),
    )
    assert.deepEqual(none.PolicyRoles, [])
  })

  it('errors: a missing policy, a missing principal, an unparseable ARN, detaching what is not attached', async () => {
    const missing = localPolicyArn('Nope')
    await rejects(
      admin.send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: missing })),
      'NoSuchEntityException',
      `Policy ${missing} does not exist or is not attachable.`,
      404,
    )
    await rejects(
      admin.send(new AttachRolePolicyCommand({ RoleName: 'ghost', PolicyArn: READ_ONLY })),
      'NoSuchEntityException',
      'The role with name ghost cannot be found.',
      404,
    )
    await rejects(
      admin.send(new AttachGroupPolicyCommand({ GroupName: 'devs', PolicyArn: 'not-an-arn-at-all-really' })),
      'ValidationError',
      'Invalid ARN:  Could not be parsed!',
      400,
    )
    await rejects(
      admin.send(new DetachRolePolicyCommand({ RoleName: 'app', PolicyArn: READ_ONLY })),
      'NoSuchEntityException',
      `Policy ${READ_ONLY} was not found.`,
      404,
    )
  })

  it('ten policies per principal: the eleventh is LimitExceeded', async () => {
    const arns = [
      localPolicyArn('P0', '/team/'),
      ...Array.from({ length: 10 }, (_, i) => localPolicyArn(`P${i + 1}`)),
    ]
    const cases = [
      [
        'Role',
        (arn: string) => admin.send(new AttachRolePolicyCommand({ RoleName: 'app', PolicyArn: arn })),
        1,
      ],
      [
        'Group',
        (arn: string) => admin.send(new AttachGroupPolicyCommand({ GroupName: 'devs', PolicyArn: arn })),
        1,
      ],
      [
        'User',
        (arn: string) => admin.send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: arn })),
        2,
      ],
    ] as const
    for (const [kind, attach, already] of cases) {
      // Ten distinct policies, counting those attached earlier; then the eleventh.
      const fresh = arns.filter(
        (arn) => !(kind === 'Role' ? [localPolicyArn('P1')] : [arns[0]]).includes(arn),
      )
      for (const arn of fresh.slice(0, 10 - already)) await attach(arn)
      await rejects(
        attach(fresh[10 - already]!),
        'LimitExceededException',
        `Cannot exceed quota for PoliciesPer${kind}: 10`,
        409,
      )
    }
  })

  it('detach removes the attachment', async () => {
    await admin.send(new DetachUserPolicyCommand({ UserName: 'alice', PolicyArn: READ_ONLY }))
    await admin.send(new DetachGroupPolicyCommand({ GroupName: 'devs', PolicyArn: READ_ONLY }))
    assert.equal(
      (await admin.send(new GetPolicyCommand({ PolicyArn: READ_ONLY }))).Policy?.AttachmentCount,
      0,
    )
  })

  it('an attachment takes effect on the next request, through a group too; an explicit deny wins', async () => {
    const worker = await addUser(server, 'worker', [doc(allowing('s3:ListAllMyBuckets'))])
    const list = () => worker.client.send(new ListPoliciesCommand({ Scope: 'Local' }))
    await rejects(list(), 'AccessDenied', denied('worker', 'iam:ListPolicies', '*'), 403)
    await admin.send(
      new AttachUserPolicyCommand({ UserName: 'worker', PolicyArn: awsPolicyArn('IAMReadOnlyAccess') }),
    )
    assert.ok((await list()).Policies)
    await admin.send(
      new DetachUserPolicyCommand({ UserName: 'worker', PolicyArn: awsPolicyArn('IAMReadOnlyAccess') }),
    )
    await rejects(list(), 'AccessDenied', denied('worker', 'iam:ListPolicies', '*'), 403)
    const groupId = await addGroup(server, 'readers')
    await server.app.store.groups.addMember(groupId, worker.id, new Date())
    // A direct store write: announce it as the operations do, so cached callers are dropped.
    await server.app.store.changes.publish({ topic: 'iam' })
    await admin.send(
      new AttachGroupPolicyCommand({ GroupName: 'readers', PolicyArn: awsPolicyArn('IAMReadOnlyAccess') }),
    )
    assert.ok((await list()).Policies)
    await admin.send(
      new CreatePolicyCommand({ PolicyName: 'NoList', PolicyDocument: doc(denying('iam:ListPolicies')) }),
    )
    await admin.send(new AttachUserPolicyCommand({ UserName: 'worker', PolicyArn: localPolicyArn('NoList') }))
    await rejects(list(), 'AccessDenied', denied('worker', 'iam:ListPolicies', '*'), 403)
  })

  it('attaching AdministratorAccess to oneself needs iam:AttachUserPolicy for that iam:PolicyARN', async () => {
    const self = 'arn:aws:iam::000000000000:user/climber'
    const climber = await addUser(server, 'climber', [
      doc(allowing('iam:AttachUserPolicy', self, { ArnEquals: { 'iam:PolicyARN': READ_ONLY } })),
    ])
    await rejects(
      climber.client.send(new AttachUserPolicyCommand({ UserName: 'climber', PolicyArn: ADMIN })),
      'AccessDenied',
      denied('climber', 'iam:AttachUserPolicy', self),
      403,
    )
    await climber.client.send(new AttachUserPolicyCommand({ UserName: 'climber', PolicyArn: READ_ONLY }))
    const other = await addUser(server, 'other', [
      doc(allowing('iam:AttachUserPolicy', 'arn:aws:iam::000000000000:user/alice')),
    ])
    await rejects(
      other.client.send(new AttachUserPolicyCommand({ UserName: 'other', PolicyArn: ADMIN })),
      'AccessDenied',
      denied('other', 'iam:AttachUserPolicy', 'arn:aws:iam::000000000000:user/other'),
      403,
    )
    const listed = await admin.send(new ListAttachedUserPoliciesCommand({ UserName: 'climber' }))
    assert.deepEqual(
      listed.AttachedPolicies?.map((p) => p.PolicyName),
      ['ReadOnlyAccess'],
    )
  })
})
