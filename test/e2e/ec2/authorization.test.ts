import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'
import {
  CreateInternetGatewayCommand,
  CreateSubnetCommand,
  CreateTagsCommand,
  CreateVpcCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeRegionsCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2'
import { AssumeRoleCommand, DecodeAuthorizationMessageCommand } from '@aws-sdk/client-sts'
import { startTestServer, type TestServer } from '../start.js'
import {
  ACCOUNT,
  allow,
  createRole,
  createUser,
  ec2Client,
  type Keys,
  keysOf,
  policy,
  rejectsWith,
  splitUnauthorized,
  stsClient,
} from './ec2-fixtures.js'

type SdkError = Error & { $metadata?: { httpStatusCode?: number } }

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
  ],
})
const WORKER_POLICY = new URL('../../../data/rosa/4.22/worker.permission-policy.json', import.meta.url)
const INSTALLER_POLICY = new URL('../../../data/rosa/4.22/installer.permission-policy.json', import.meta.url)

/** The error a call fails with. */
async function failure(call: Promise<unknown>): Promise<SdkError> {
  return call.then(
    () => assert.fail('the call succeeded'),
    (error: SdkError) => error,
  )
}

describe('e2e: EC2 authorization (SDK v3)', () => {
  let server: TestServer
  const admin = () => ec2Client(server.url, server.credentials)
  const session = async (role: string, document: string): Promise<Keys> => {
    await createRole(server.url, server.credentials, server.app.store, role, TRUST, [document])
    const out = await stsClient(server.url, server.credentials).send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${ACCOUNT}:role/${role}`,
        RoleSessionName: 'i-0123456789abcdef0',
      }),
    )
    return keysOf(out.Credentials)
  }
  const decode = async (encoded: string) =>
    JSON.parse(
      (
        await stsClient(server.url, server.credentials).send(
          new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded }),
        )
      ).DecodedMessage!,
    )

  before(async () => {
    server = await startTestServer()
  })
  after(() => server.stop())

  it('lets a Worker role session describe regions but not create a VPC, DryRun or not', async () => {
    const worker = ec2Client(
      server.url,
      await session('demo-Worker-Role', await readFile(WORKER_POLICY, 'utf8')),
    )
    assert.ok((await worker.send(new DescribeRegionsCommand({}))).Regions!.length > 0)
    const caller = `arn:aws:sts::${ACCOUNT}:assumed-role/demo-Worker-Role/i-0123456789abcdef0`
    for (const DryRun of [true, false]) {
      const error = await failure(worker.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16', DryRun })))
      assert.equal(error.name, 'UnauthorizedOperation')
      assert.equal(error.$metadata?.httpStatusCode, 403)
      const { text, encoded } = splitUnauthorized(error.message)
      assert.equal(
        text,
        `You are not authorized to perform this operation. User: ${caller} is not authorized to perform: ec2:CreateVpc on resource: arn:aws:ec2:us-east-1:${ACCOUNT}:vpc/* because no identity-based policy allows the ec2:CreateVpc action.`,
      )
      const details = await decode(encoded)
      assert.equal(details.context.principal.arn, caller)
      assert.equal(details.context.action, 'ec2:CreateVpc')
      assert.equal(details.context.resource, `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc/*`)
    }
    const describe = await failure(worker.send(new DescribeVpcsCommand({})))
    assert.equal(describe.name, 'UnauthorizedOperation')
    assert.deepEqual((await admin().send(new DescribeVpcsCommand({}))).Vpcs, [])
  })

  it('lets an Installer role session DryRun and then build a network', async () => {
    const installer = ec2Client(
      server.url,
      await session('demo-Installer-Role', await readFile(INSTALLER_POLICY, 'utf8')),
    )
    await rejectsWith(
      installer.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16', DryRun: true })),
      'DryRunOperation',
      412,
      'Request would have succeeded, but DryRun flag is set.',
    )
    assert.deepEqual((await installer.send(new DescribeVpcsCommand({}))).Vpcs, [])
    const vpc = await installer.send(
      new CreateVpcCommand({
        CidrBlock: '10.0.0.0/16',
        TagSpecifications: [
          { ResourceType: 'vpc', Tags: [{ Key: 'kubernetes.io/cluster/demo', Value: 'owned' }] },
        ],
      }),
    )
    const subnet = await installer.send(
      new CreateSubnetCommand({ VpcId: vpc.Vpc!.VpcId, CidrBlock: '10.0.0.0/24' }),
    )
    assert.equal(subnet.Subnet!.VpcId, vpc.Vpc!.VpcId)
  })

  it('sets ec2:Vpc and the id keys on calls about existing resources', async () => {
    const vpcs = []
    for (const cidr of ['10.40.0.0/16', '10.41.0.0/16'])
      vpcs.push((await admin().send(new CreateVpcCommand({ CidrBlock: cidr }))).Vpc!.VpcId!)
    const subnets = []
    for (const [i, vpc] of vpcs.entries())
      subnets.push(
        (await admin().send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: `10.4${i}.0.0/24` }))).Subnet!
          .SubnetId!,
      )
    const user = await createUser(server.app.store, 'network-a', [
      policy({
        Effect: 'Allow',
        Action: 'ec2:DeleteSubnet',
        Resource: '*',
        Condition: {
          ArnEquals: { 'ec2:Vpc': `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc/${vpcs[0]}` },
          StringLike: { 'ec2:SubnetID': 'subnet-*' },
        },
      }),
    ])
    const ec2 = ec2Client(server.url, user)
    const denied = await failure(ec2.send(new DeleteSubnetCommand({ SubnetId: subnets[1] })))
    assert.equal(denied.name, 'UnauthorizedOperation')
    const details = await decode(splitUnauthorized(denied.message).encoded)
    const conditions = Object.fromEntries(
      details.context.conditions.items.map((i: { key: string; values: { items: { value: string }[] } }) => [
        i.key,
        i.values.items.map((v) => v.value),
      ]),
    )
    assert.deepEqual(conditions['ec2:vpc'], [`arn:aws:ec2:us-east-1:${ACCOUNT}:vpc/${vpcs[1]}`])
    assert.deepEqual(conditions['ec2:subnetid'], [subnets[1]])
    assert.deepEqual(conditions['ec2:availabilityzone'], ['us-east-1a'])
    await ec2.send(new DeleteSubnetCommand({ SubnetId: subnets[0] }))
  })

  it('authorizes tags on create as ec2:CreateTags with ec2:CreateAction, aws:RequestTag and aws:TagKeys', async () => {
    const user = await createUser(server.app.store, 'team-a', [
      policy(
        allow('ec2:CreateVpc', 'ec2:DescribeVpcs'),
        {
          Effect: 'Allow',
          Action: 'ec2:CreateTags',
          Resource: '*',
          Condition: {
            StringEquals: { 'ec2:CreateAction': 'CreateVpc', 'aws:RequestTag/owner': 'team-a' },
            'ForAllValues:StringEquals': { 'aws:TagKeys': ['owner', 'Name'] },
          },
        },
        {
          Effect: 'Allow',
          Action: 'ec2:DeleteVpc',
          Resource: '*',
          Condition: { StringEquals: { 'ec2:ResourceTag/owner': 'team-a' } },
        },
        { Effect: 'Deny', Action: 'ec2:CreateInternetGateway', Resource: '*' },
      ),
    ])
    const ec2 = ec2Client(server.url, user)
    const tags = (pairs: Record<string, string>) => [
      { ResourceType: 'vpc' as const, Tags: Object.entries(pairs).map(([Key, Value]) => ({ Key, Value })) },
    ]
    const mine = (
      await ec2.send(
        new CreateVpcCommand({ CidrBlock: '10.1.0.0/16', TagSpecifications: tags({ owner: 'team-a' }) }),
      )
    ).Vpc!
    assert.deepEqual(mine.Tags, [{ Key: 'owner', Value: 'team-a' }])
    for (const bad of [{ owner: 'team-b' }, { owner: 'team-a', cost: 'x' }] as Record<string, string>[]) {
      const error = await failure(
        ec2.send(new CreateVpcCommand({ CidrBlock: '10.2.0.0/16', TagSpecifications: tags(bad) })),
      )
      assert.equal(error.name, 'UnauthorizedOperation')
      assert.match(
        error.message,
        /is not authorized to perform: ec2:CreateTags on resource: arn:aws:ec2:us-east-1:\d+:vpc\/\*/,
      )
      const details = await decode(splitUnauthorized(error.message).encoded)
      const keys = details.context.conditions.items.map((i: { key: string }) => i.key)
      assert.ok(keys.includes('ec2:createaction') && keys.includes('aws:tagkeys'))
    }
    // Tagging an existing VPC is not a create action.
    const later = await failure(
      ec2.send(
        new CreateTagsCommand({ Resources: [mine.VpcId!], Tags: [{ Key: 'owner', Value: 'team-a' }] }),
      ),
    )
    assert.equal(later.name, 'UnauthorizedOperation')
    const theirs = (
      await admin().send(
        new CreateVpcCommand({ CidrBlock: '10.3.0.0/16', TagSpecifications: tags({ owner: 'team-b' }) }),
      )
    ).Vpc!
    const denied = await failure(ec2.send(new DeleteVpcCommand({ VpcId: theirs.VpcId })))
    assert.match(
      denied.message,
      new RegExp(`on resource: arn:aws:ec2:us-east-1:${ACCOUNT}:vpc/${theirs.VpcId} because`),
    )
    await ec2.send(new DeleteVpcCommand({ VpcId: mine.VpcId }))
    const explicit = await failure(ec2.send(new CreateInternetGatewayCommand({})))
    assert.match(
      splitUnauthorized(explicit.message).text,
      /is not authorized to perform: ec2:CreateInternetGateway on resource: arn:aws:ec2:us-east-1:\d+:internet-gateway\/\* with an explicit deny in an identity-based policy\.$/,
    )
    assert.equal((await decode(splitUnauthorized(explicit.message).encoded)).explicitDeny, true)
  })
})
