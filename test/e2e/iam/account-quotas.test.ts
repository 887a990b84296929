import { after, before, describe, it } from 'node:test'
import { CreateGroupCommand, CreateRoleCommand, type IAMClient } from '@aws-sdk/client-iam'
import { startTestServer, type TestServer } from '../start.js'
import { adminIam, rejectsWith } from './user-fixtures.js'

const ACCOUNT = '000000000000'
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
  ],
})

describe('e2e iam: account-wide quotas', () => {
  let server: TestServer
  let iam: IAMClient
  before(async () => {
    server = await startTestServer()
    iam = adminIam(server)
  })
  after(() => server.stop())

  it('the 1001st role and the 301st group are LimitExceeded with the quota named', async () => {
    const store = server.app.store
    const createdAt = new Date()
    await store.transaction(async (tx) => {
      for (let i = 0; i < 1000; i++)
        await tx.roles.insert({
          id: `AROAQUOTA${String(i).padStart(12, '0')}`,
          accountId: ACCOUNT,
          name: `quota-role-${i}`,
          path: '/',
          trustPolicy: TRUST,
          maxSessionDuration: 3600,
          tags: [],
          createdAt,
        })
      for (let i = 0; i < 300; i++)
        await tx.groups.insert({
          id: `AGPAQUOTA${String(i).padStart(12, '0')}`,
          accountId: ACCOUNT,
          name: `quota-group-${i}`,
          path: '/',
          createdAt,
        })
    })
    await rejectsWith(
      iam.send(new CreateRoleCommand({ RoleName: 'one-too-many', AssumeRolePolicyDocument: TRUST })),
      'LimitExceededException',
      'Cannot exceed quota for RolesPerAccount: 1000',
      409,
    )
    await rejectsWith(
      iam.send(new CreateGroupCommand({ GroupName: 'one-too-many' })),
      'LimitExceededException',
      'Cannot exceed quota for GroupsPerAccount: 300',
      409,
    )
  })
})
