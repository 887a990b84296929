import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  AddTagsCommand,
  CreateLoadBalancerCommand as CreateClassicCommand,
  DescribeLoadBalancersCommand as DescribeClassicCommand,
} from '@aws-sdk/client-elastic-load-balancing'
import {
  AddTagsCommand as AddTagsV2Command,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DeleteTargetGroupCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  RegisterTargetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { AssumeRoleCommand } from '@aws-sdk/client-sts'
import { startTestServer, type TestServer } from '../start.js'
import {
  ACCOUNT,
  ACCOUNT_TRUST,
  createRole,
  type Keys,
  keysOf,
  policy,
  stsClient,
} from '../sts/sts-fixtures.js'
import { elbClient, elbv2Client, NET, rejectsWithCode, seedNetwork } from './elb-fixtures.js'

const denied = (role: string, action: string, resource?: string) =>
  `User: arn:aws:sts::${ACCOUNT}:assumed-role/${role}/ses is not authorized to perform: elasticloadbalancing:${action}${
    resource === undefined ? '' : ` on resource: ${resource}`
  } because no identity-based policy allows the elasticloadbalancing:${action} action`

describe('e2e: ELB and ELBv2 authorization for role sessions', () => {
  let server: TestServer
  let tgArn: string
  const session = async (role: string): Promise<Keys> =>
    keysOf(
      (
        await stsClient(server.url, server.credentials).send(
          new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/${role}`, RoleSessionName: 'ses' }),
        )
      ).Credentials,
    )

  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
    await seedNetwork(server.app.store)
    const store = server.app.store
    await createRole(server.url, server.credentials, store, 'nothing', ACCOUNT_TRUST, [
      policy({ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }),
    ])
    await createRole(server.url, server.credentials, store, 'reader', ACCOUNT_TRUST, [
      policy({ Effect: 'Allow', Action: 'elasticloadbalancing:Describe*', Resource: '*' }),
    ])
    await createRole(server.url, server.credentials, store, 'tagged', ACCOUNT_TRUST, [
      policy(
        {
          Effect: 'Allow',
          Action: ['elasticloadbalancing:CreateTargetGroup', 'elasticloadbalancing:AddTags'],
          Resource: '*',
          Condition: { StringEquals: { 'aws:RequestTag/team': 'blue' } },
        },
        {
          Effect: 'Allow',
          Action: ['elasticloadbalancing:RegisterTargets', 'elasticloadbalancing:DeleteTargetGroup'],
          Resource: '*',
          Condition: { StringEquals: { 'elasticloadbalancing:ResourceTag/team': 'blue' } },
        },
      ),
    ])
    const admin = elbv2Client(server.url, server.credentials)
    const tg = await admin.send(
      new CreateTargetGroupCommand({
        Name: 'red',
        Protocol: 'TCP',
        Port: 80,
        VpcId: NET.vpc,
        TargetType: 'ip',
        Tags: [{ Key: 'team', Value: 'red' }],
      }),
    )
    tgArn = tg.TargetGroups![0]!.TargetGroupArn!
  })
  after(() => server.stop())

  it('a session without elasticloadbalancing permissions is denied with the ELB AccessDenied text', async () => {
    const keys = await session('nothing')
    await rejectsWithCode(
      elbv2Client(server.url, keys).send(new DescribeLoadBalancersCommand({})),
      'AccessDenied',
      403,
      denied('nothing', 'DescribeLoadBalancers'),
    )
    await rejectsWithCode(
      elbClient(server.url, keys).send(new DescribeClassicCommand({})),
      'AccessDenied',
      403,
      denied('nothing', 'DescribeLoadBalancers'),
    )
    await rejectsWithCode(
      elbClient(server.url, keys).send(
        new CreateClassicCommand({
          LoadBalancerName: 'c',
          Listeners: [{ Protocol: 'TCP', LoadBalancerPort: 80, InstancePort: 80 }],
          Subnets: [NET.subnetA],
        }),
      ),
      'AccessDenied',
      403,
      denied(
        'nothing',
        'CreateLoadBalancer',
        `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/c`,
      ),
    )
  })

  it('a read-only session describes but cannot create', async () => {
    const keys = await session('reader')
    const out = await elbv2Client(server.url, keys).send(new DescribeTargetGroupsCommand({}))
    assert.deepEqual(
      out.TargetGroups!.map((g) => g.TargetGroupName),
      ['red'],
    )
    await rejectsWithCode(
      elbv2Client(server.url, keys).send(
        new CreateLoadBalancerCommand({ Name: 'ro', Type: 'network', Subnets: [NET.subnetA] }),
      ),
      'AccessDenied',
      403,
      new RegExp(
        `^${denied('reader', 'CreateLoadBalancer', 'ARN').replace('ARN', `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/net/ro/[0-9a-f]{16}`)}$`,
      ),
    )
  })

  it('request tags and resource tags decide: create with team=blue only, act only on blue groups', async () => {
    const keys = await session('tagged')
    const elb = elbv2Client(server.url, keys)
    await rejectsWithCode(
      elb.send(
        new CreateTargetGroupCommand({
          Name: 'green',
          Protocol: 'TCP',
          Port: 80,
          VpcId: NET.vpc,
          Tags: [{ Key: 'team', Value: 'green' }],
        }),
      ),
      'AccessDenied',
      403,
      /elasticloadbalancing:CreateTargetGroup on resource: arn:aws:elasticloadbalancing:us-east-1:\d{12}:targetgroup\/green\//,
    )
    const blue = await elb.send(
      new CreateTargetGroupCommand({
        Name: 'blue',
        Protocol: 'TCP',
        Port: 80,
        VpcId: NET.vpc,
        TargetType: 'ip',
        Tags: [{ Key: 'team', Value: 'blue' }],
      }),
    )
    const blueArn = blue.TargetGroups![0]!.TargetGroupArn!
    await elb.send(new RegisterTargetsCommand({ TargetGroupArn: blueArn, Targets: [{ Id: '10.0.0.5' }] }))
    await rejectsWithCode(
      elb.send(new RegisterTargetsCommand({ TargetGroupArn: tgArn, Targets: [{ Id: '10.0.0.5' }] })),
      'AccessDenied',
      403,
      denied('tagged', 'RegisterTargets', tgArn),
    )
    await rejectsWithCode(
      elb.send(new AddTagsV2Command({ ResourceArns: [tgArn], Tags: [{ Key: 'team', Value: 'green' }] })),
      'AccessDenied',
      403,
      denied('tagged', 'AddTags', tgArn),
    )
    await elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: blueArn }))
  })

  it('tagging on create needs elasticloadbalancing:AddTags as well', async () => {
    await createRole(server.url, server.credentials, server.app.store, 'creator', ACCOUNT_TRUST, [
      policy({ Effect: 'Allow', Action: 'elasticloadbalancing:CreateLoadBalancer', Resource: '*' }),
    ])
    const classic = elbClient(server.url, await session('creator'))
    const listeners = [{ Protocol: 'TCP', LoadBalancerPort: 80, InstancePort: 80 }]
    await classic.send(
      new CreateClassicCommand({ LoadBalancerName: 'plain', Listeners: listeners, Subnets: [NET.subnetA] }),
    )
    await rejectsWithCode(
      classic.send(
        new CreateClassicCommand({
          LoadBalancerName: 'tagged',
          Listeners: listeners,
          Subnets: [NET.subnetA],
          Tags: [{ Key: 'a', Value: 'b' }],
        }),
      ),
      'AccessDenied',
      403,
      denied('creator', 'AddTags', `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/tagged`),
    )
    await rejectsWithCode(
      classic.send(new AddTagsCommand({ LoadBalancerNames: ['plain'], Tags: [{ Key: 'a', Value: 'b' }] })),
      'AccessDenied',
      403,
      denied('creator', 'AddTags', `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/plain`),
    )
  })

  it('an explicit Deny says so in the text', async () => {
    await createRole(server.url, server.credentials, server.app.store, 'denier', ACCOUNT_TRUST, [
      policy(
        { Effect: 'Allow', Action: 'elasticloadbalancing:*', Resource: '*' },
        { Effect: 'Deny', Action: 'elasticloadbalancing:DeleteTargetGroup', Resource: '*' },
      ),
    ])
    await rejectsWithCode(
      elbv2Client(server.url, await session('denier')).send(
        new DeleteTargetGroupCommand({ TargetGroupArn: tgArn }),
      ),
      'AccessDenied',
      403,
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/denier/ses is not authorized to perform: elasticloadbalancing:DeleteTargetGroup on resource: ${tgArn} with an explicit deny in an identity-based policy`,
    )
  })
})
