import { after, before, describe, it } from 'node:test'
import {
  CreateRoleCommand,
  GetRoleCommand,
  type IAMClient,
  TagRoleCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam'
import { startTestServer, type TestServer } from '../start.js'
import {
  ACCOUNT,
  ACCOUNT_TRUST,
  accessDenied,
  adminClient,
  allow,
  clientForUser,
  deny,
  rejectsWith,
} from './role-fixtures.js'

const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`
const BOUNDARY = 'arn:aws:iam::aws:policy/ReadOnlyAccess'
const ATTACKER_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/escalator` },
      Action: 'sts:AssumeRole',
    },
  ],
})

describe('e2e: IAM role enforcement', () => {
  let server: TestServer
  let admin: IAMClient
  before(async () => {
    server = await startTestServer()
    admin = adminClient(server)
    await admin.send(
      new CreateRoleCommand({ RoleName: 'admin-role', AssumeRolePolicyDocument: ACCOUNT_TRUST }),
    )
    await admin.send(
      new CreateRoleCommand({ RoleName: 'other-role', AssumeRolePolicyDocument: ACCOUNT_TRUST }),
    )
  })
  after(() => server.stop())

  it('a user with no policy is denied CreateRole with AWS text', async () => {
    const iam = await clientForUser(server, 'nobody')
    await rejectsWith(
      iam.send(new CreateRoleCommand({ RoleName: 'r1', AssumeRolePolicyDocument: ACCOUNT_TRUST })),
      'AccessDenied',
      403,
      accessDenied('nobody', 'iam:CreateRole', roleArn('r1')),
    )
  })

  it('an inline allow allows; an explicit deny wins', async () => {
    const allowed = await clientForUser(server, 'creator', [allow('iam:CreateRole', roleArn('r*'))])
    await allowed.send(new CreateRoleCommand({ RoleName: 'r2', AssumeRolePolicyDocument: ACCOUNT_TRUST }))
    const denied = await clientForUser(server, 'denied', [
      allow('iam:*'),
      deny('iam:CreateRole', roleArn('r3')),
    ])
    await rejectsWith(
      denied.send(new CreateRoleCommand({ RoleName: 'r3', AssumeRolePolicyDocument: ACCOUNT_TRUST })),
      'AccessDenied',
      403,
      accessDenied('denied', 'iam:CreateRole', roleArn('r3')),
    )
  })

  it('updating a trust policy needs exactly iam:UpdateAssumeRolePolicy on that role', async () => {
    const update = (iam: IAMClient) =>
      iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'admin-role', PolicyDocument: ATTACKER_TRUST }))
    const near = await clientForUser(server, 'escalator', [
      allow(['iam:UpdateRole', 'iam:UpdateRoleDescription', 'iam:GetRole', 'iam:PassRole'], '*'),
      allow('iam:UpdateAssumeRolePolicy', roleArn('other-role')),
    ])
    await rejectsWith(
      update(near),
      'AccessDenied',
      403,
      accessDenied('escalator', 'iam:UpdateAssumeRolePolicy', roleArn('admin-role')),
    )
    const exact = await clientForUser(server, 'trustee', [
      allow('iam:UpdateAssumeRolePolicy', roleArn('admin-role')),
    ])
    await update(exact)
    const role = (await admin.send(new GetRoleCommand({ RoleName: 'admin-role' }))).Role!
    if (!decodeURIComponent(role.AssumeRolePolicyDocument!).includes('user/escalator'))
      throw new Error('the trust policy was not updated')
  })

  it('a policy requiring iam:PermissionsBoundary forces CreateRole to carry that boundary', async () => {
    const iam = await clientForUser(server, 'delegate', [
      allow('iam:CreateRole', '*', { StringEquals: { 'iam:PermissionsBoundary': BOUNDARY } }),
    ])
    const create = (name: string, boundary?: string) =>
      iam.send(
        new CreateRoleCommand({
          RoleName: name,
          AssumeRolePolicyDocument: ACCOUNT_TRUST,
          ...(boundary ? { PermissionsBoundary: boundary } : {}),
        }),
      )
    await rejectsWith(
      create('unbounded'),
      'AccessDenied',
      403,
      accessDenied('delegate', 'iam:CreateRole', roleArn('unbounded')),
    )
    await rejectsWith(
      create('wrong', 'arn:aws:iam::aws:policy/AdministratorAccess'),
      'AccessDenied',
      403,
      accessDenied('delegate', 'iam:CreateRole', roleArn('wrong')),
    )
    await create('bounded', BOUNDARY)
  })

  it('aws:ResourceTag and aws:RequestTag conditions decide role calls', async () => {
    await admin.send(new TagRoleCommand({ RoleName: 'other-role', Tags: [{ Key: 'team', Value: 'blue' }] }))
    const reader = await clientForUser(server, 'blue-reader', [
      allow('iam:GetRole', '*', { StringEquals: { 'aws:ResourceTag/team': 'blue' } }),
    ])
    await reader.send(new GetRoleCommand({ RoleName: 'other-role' }))
    await rejectsWith(
      reader.send(new GetRoleCommand({ RoleName: 'admin-role' })),
      'AccessDenied',
      403,
      accessDenied('blue-reader', 'iam:GetRole', roleArn('admin-role')),
    )
    const tagger = await clientForUser(server, 'tagger', [
      allow('iam:CreateRole', '*', { StringEquals: { 'aws:RequestTag/team': 'blue' } }),
    ])
    const create = (name: string, team: string) =>
      tagger.send(
        new CreateRoleCommand({
          RoleName: name,
          AssumeRolePolicyDocument: ACCOUNT_TRUST,
          Tags: [{ Key: 'team', Value: team }],
        }),
      )
    await create('blue-role', 'blue')
    await rejectsWith(
      create('red-role', 'red'),
      'AccessDenied',
      403,
      accessDenied('tagger', 'iam:CreateRole', roleArn('red-role')),
    )
  })
})
