import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2'
import {
  AddUserToGroupCommand,
  AttachRolePolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  GenerateServiceLastAccessedDetailsCommand,
  GetServiceLastAccessedDetailsCommand,
  type GetServiceLastAccessedDetailsCommandOutput,
  GetUserCommand,
  IAMClient,
  ListRolesCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  type ServiceLastAccessed,
} from '@aws-sdk/client-iam'
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'
import { startTestServer, type TestServer } from '../start.js'
import { ACCOUNT_TRUST } from './role-fixtures.js'
import { adminIam, rejectsWith, userWithPolicy } from './user-fixtures.js'

const A = 'arn:aws:iam::000000000000'
const doc = (statements: readonly object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements })

describe('e2e iam: service last accessed reports', () => {
  let server: TestServer
  let iam: IAMClient
  let ana: IAMClient
  let bob: IAMClient
  let roleIam: IAMClient

  /** Generates a report and reads every page of it. */
  async function report(
    arn: string,
    granularity?: 'SERVICE_LEVEL' | 'ACTION_LEVEL',
    client: IAMClient = iam,
  ): Promise<ServiceLastAccessed[]> {
    const { JobId } = await client.send(
      new GenerateServiceLastAccessedDetailsCommand({
        Arn: arn,
        ...(granularity ? { Granularity: granularity } : {}),
      }),
    )
    assert.equal(JobId?.length, 36)
    const services: ServiceLastAccessed[] = []
    let Marker: string | undefined
    do {
      const page: GetServiceLastAccessedDetailsCommandOutput = await client.send(
        new GetServiceLastAccessedDetailsCommand({ JobId: JobId!, Marker }),
      )
      assert.equal(page.JobStatus, 'COMPLETED')
      assert.equal(page.JobType, granularity ?? 'SERVICE_LEVEL')
      assert.ok(page.JobCreationDate instanceof Date && page.JobCompletionDate instanceof Date)
      services.push(...(page.ServicesLastAccessed ?? []))
      Marker = page.Marker
    } while (Marker !== undefined)
    return services
  }
  const byNamespace = (services: readonly ServiceLastAccessed[], ns: string) =>
    services.find((s) => s.ServiceNamespace === ns)

  before(async () => {
    server = await startTestServer()
    iam = adminIam(server)
    ana = await userWithPolicy(server, 'ana', [
      { Effect: 'Allow', Action: ['iam:GetUser', 'iam:GenerateServiceLastAccessedDetails'], Resource: '*' },
      { Effect: 'Allow', Action: 'ec2:DescribeRegions', Resource: '*' },
      { Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' },
    ])
    bob = await userWithPolicy(server, 'bob', [])
    await iam.send(new CreateGroupCommand({ GroupName: 'devs' }))
    await iam.send(
      new PutGroupPolicyCommand({
        GroupName: 'devs',
        PolicyName: 'get-user',
        PolicyDocument: doc([{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }]),
      }),
    )
    for (const UserName of ['ana', 'bob'])
      await iam.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName }))
    await iam.send(new CreateRoleCommand({ RoleName: 'app', AssumeRolePolicyDocument: ACCOUNT_TRUST }))
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'app',
        PolicyName: 's3',
        PolicyDocument: doc([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]),
      }),
    )
    const { Policy } = await iam.send(
      new CreatePolicyCommand({
        PolicyName: 'ListIam',
        PolicyDocument: doc([{ Effect: 'Allow', Action: 'iam:List*', Resource: '*' }]),
      }),
    )
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'app', PolicyArn: Policy!.Arn! }))
    const sts = new STSClient({ endpoint: server.url, region: 'us-east-1', credentials: server.credentials })
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({ RoleArn: `${A}:role/app`, RoleSessionName: 's1' }),
    )
    roleIam = new IAMClient({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: {
        accessKeyId: Credentials!.AccessKeyId!,
        secretAccessKey: Credentials!.SecretAccessKey!,
        sessionToken: Credentials!.SessionToken!,
      },
    })
    // ana uses IAM and EC2 (not S3); bob uses IAM after ana; the role's session lists roles and is denied GetUser.
    await ana.send(new GetUserCommand({}))
    const anaKeys = await ana.config.credentials()
    await new EC2Client({ endpoint: server.url, region: 'eu-west-1', credentials: anaKeys }).send(
      new DescribeRegionsCommand({}),
    )
    await new Promise((resolve) => setTimeout(resolve, 1100))
    await bob.send(new GetUserCommand({}))
    await roleIam.send(new ListRolesCommand({}))
    await assert.rejects(roleIam.send(new GetUserCommand({ UserName: 'ana' })))
    await server.app.flushAudit()
  })
  after(() => server?.stop())

  it('a user report lists every service its policies (and its groups’) allow, with the last attempt of those used', async () => {
    const services = await report(`${A}:user/ana`)
    assert.deepEqual(
      services.map((s) => s.ServiceNamespace),
      ['ec2', 'iam', 's3'],
    )
    const iamRow = byNamespace(services, 'iam')!
    assert.equal(iamRow.ServiceName, 'AWS Identity and Access Management (IAM)')
    assert.equal(iamRow.LastAuthenticatedEntity, `${A}:user/ana`)
    assert.equal(iamRow.LastAuthenticatedRegion, 'us-east-1')
    assert.equal(iamRow.TotalAuthenticatedEntities, 1)
    assert.ok(
      iamRow.LastAuthenticated instanceof Date && Date.now() - iamRow.LastAuthenticated.getTime() < 60_000,
    )
    const ec2Row = byNamespace(services, 'ec2')!
    assert.equal(ec2Row.LastAuthenticatedRegion, 'eu-west-1')
    assert.equal(iamRow.TrackedActionsLastAccessed, undefined)
    const s3Row = byNamespace(services, 's3')!
    assert.deepEqual(s3Row, {
      ServiceName: 'Amazon S3',
      ServiceNamespace: 's3',
      TotalAuthenticatedEntities: 0,
    })
  })

  it('ACTION_LEVEL adds the attempted actions of each used service', async () => {
    const services = await report(`${A}:user/ana`, 'ACTION_LEVEL')
    const tracked = byNamespace(services, 'iam')!.TrackedActionsLastAccessed
    assert.deepEqual(
      tracked?.map((a) => [a.ActionName, a.LastAccessedEntity, a.LastAccessedRegion]),
      [['GetUser', `${A}:user/ana`, 'us-east-1']],
    )
    assert.ok(tracked?.[0]?.LastAccessedTime instanceof Date)
    assert.equal(byNamespace(services, 's3')!.TrackedActionsLastAccessed, undefined)
  })

  it('a group report counts its members: the last one and how many', async () => {
    const iamRow = byNamespace(await report(`${A}:group/devs`), 'iam')!
    assert.equal(iamRow.LastAuthenticatedEntity, `${A}:user/bob`)
    assert.equal(iamRow.TotalAuthenticatedEntities, 2)
  })

  it('a role report counts its sessions, denied attempts included', async () => {
    const services = await report(`${A}:role/app`, 'ACTION_LEVEL')
    assert.deepEqual(
      services.map((s) => s.ServiceNamespace),
      ['iam', 's3'],
    )
    const iamRow = byNamespace(services, 'iam')!
    assert.equal(iamRow.LastAuthenticatedEntity, `${A}:role/app`)
    assert.deepEqual(
      iamRow.TrackedActionsLastAccessed?.map((a) => a.ActionName),
      ['GetUser', 'ListRoles'],
    )
  })

  it('a managed policy report covers the entities it is attached to', async () => {
    const services = await report(`${A}:policy/ListIam`)
    assert.deepEqual(
      services.map((s) => [s.ServiceNamespace, s.LastAuthenticatedEntity]),
      [['iam', `${A}:role/app`]],
    )
  })

  it('pages with MaxItems and Marker', async () => {
    const { JobId } = await iam.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: `${A}:user/ana` }))
    const first = await iam.send(new GetServiceLastAccessedDetailsCommand({ JobId, MaxItems: 2 }))
    assert.equal(first.IsTruncated, true)
    assert.deepEqual(
      first.ServicesLastAccessed?.map((s) => s.ServiceNamespace),
      ['ec2', 'iam'],
    )
    const second = await iam.send(
      new GetServiceLastAccessedDetailsCommand({ JobId, MaxItems: 2, Marker: first.Marker }),
    )
    assert.equal(second.IsTruncated, false)
    assert.equal(second.Marker, undefined)
    assert.deepEqual(
      second.ServicesLastAccessed?.map((s) => s.ServiceNamespace),
      ['s3'],
    )
  })

  it('answers NoSuchEntity for a missing entity or job and InvalidInput for another kind of ARN', async () => {
    await rejectsWith(
      iam.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: `${A}:role/nope` })),
      'NoSuchEntityException',
      'The role with name nope cannot be found.',
      404,
    )
    await rejectsWith(
      iam.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: `${A}:policy/nope` })),
      'NoSuchEntityException',
      `Policy ${A}:policy/nope does not exist or is not attachable.`,
      404,
    )
    await rejectsWith(
      iam.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: 'arn:aws:s3:::some-bucket' })),
      'InvalidInputException',
      'Invalid ARN: arn:aws:s3:::some-bucket',
      400,
    )
    const missing = '11111111-2222-4333-8444-555555555555'
    await rejectsWith(
      iam.send(new GetServiceLastAccessedDetailsCommand({ JobId: missing })),
      'NoSuchEntityException',
      `The job with ID ${missing} cannot be found.`,
      404,
    )
  })

  it('is authorized as iam:GenerateServiceLastAccessedDetails on the entity and iam:GetServiceLastAccessedDetails', async () => {
    const { JobId } = await ana.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: `${A}:user/bob` }))
    await rejectsWith(
      ana.send(new GetServiceLastAccessedDetailsCommand({ JobId })),
      'AccessDenied',
      `User: ${A}:user/ana is not authorized to perform: iam:GetServiceLastAccessedDetails on resource: *`,
      403,
    )
    await rejectsWith(
      bob.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: `${A}:role/app` })),
      'AccessDenied',
      `User: ${A}:user/bob is not authorized to perform: iam:GenerateServiceLastAccessedDetails on resource: ${A}:role/app`,
      403,
    )
  })
})
