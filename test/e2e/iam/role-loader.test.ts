import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { CreateRoleCommand, DeleteRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam'
import { decide, LruPolicyCache, type PrincipalFacts } from '../../../src/policy/index.js'
import { loadRoleByArn, PolicyLoader } from '../../../src/services/iam/index.js'
import { startTestServer, type TestServer } from '../start.js'
import { ACCOUNT, adminClient, clientForUser } from './role-fixtures.js'

const userArn = (name: string) => `arn:aws:iam::${ACCOUNT}:user/${name}`
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/sts/deployer`

describe('loadRoleByArn (what STS uses)', () => {
  let server: TestServer
  let loader: PolicyLoader
  let user: PrincipalFacts
  before(async () => {
    server = await startTestServer()
    loader = new PolicyLoader(new LruPolicyCache(100))
    await clientForUser(server, 'ci')
    const record = (await server.app.store.users.getByName(ACCOUNT, 'ci'))!
    user = {
      type: 'User',
      arn: userArn('ci'),
      account: ACCOUNT,
      principalArn: userArn('ci'),
      uniqueId: record.id,
    }
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: userArn('ci') }, Action: 'sts:AssumeRole' }],
    })
    const iam = adminClient(server)
    await iam.send(
      new CreateRoleCommand({ RoleName: 'deployer', Path: '/sts/', AssumeRolePolicyDocument: trust }),
    )
    await iam.send(new CreateRoleCommand({ RoleName: 'victim', AssumeRolePolicyDocument: trust }))
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'deployer',
        PolicyName: 'read',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
        }),
      }),
    )
  })
  after(() => server.stop())

  const assume = (trust: Parameters<typeof decide>[1]['resource'], principal = user) =>
    decide(
      { principal, action: 'sts:AssumeRole', resource: ROLE_ARN, context: new Map() },
      { identity: [], resource: trust ?? null },
    ).effect

  it('loads the role with its trust policy compiled, principals mapped back to ARNs', async () => {
    const loaded = await loadRoleByArn(server.app.store, loader, ROLE_ARN)
    assert.ok(loaded)
    assert.equal(loaded.arn, ROLE_ARN)
    assert.equal(loaded.identity.length, 1)
    assert.deepEqual(loaded.boundaries, [])
    assert.equal(assume(loaded.trust), 'Allow')
    const stranger = {
      ...user,
      arn: userArn('other'),
      principalArn: userArn('other'),
      uniqueId: 'AIDAOTHER0000000000',
    }
    assert.notEqual(assume(loaded.trust, stranger), 'Allow')
  })

  it('answers undefined for a wrong path, a missing role or an ARN that names no role', async () => {
    assert.equal(
      await loadRoleByArn(server.app.store, loader, `arn:aws:iam::${ACCOUNT}:role/deployer`),
      undefined,
    )
    assert.equal(
      await loadRoleByArn(server.app.store, loader, `arn:aws:iam::${ACCOUNT}:role/none`),
      undefined,
    )
    assert.equal(await loadRoleByArn(server.app.store, loader, userArn('ci')), undefined)
  })

  it('once the trusted user is gone the trust keeps its raw id and no longer matches a new user of that name', async () => {
    await server.app.store.users.delete(user.uniqueId!)
    await clientForUser(server, 'ci')
    const fresh = (await server.app.store.users.getByName(ACCOUNT, 'ci'))!
    const loaded = await loadRoleByArn(server.app.store, loader, `arn:aws:iam::${ACCOUNT}:role/victim`)
    assert.ok(loaded)
    assert.notEqual(assume(loaded.trust, { ...user, uniqueId: fresh.id }), 'Allow')
    await adminClient(server).send(new DeleteRoleCommand({ RoleName: 'victim' }))
  })
})
