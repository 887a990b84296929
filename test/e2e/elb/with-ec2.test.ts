import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeImagesCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2'
import {
  CreateLoadBalancerCommand as CreateClassicCommand,
  RegisterInstancesWithLoadBalancerCommand,
} from '@aws-sdk/client-elastic-load-balancing'
import {
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  RegisterTargetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { startTestServer, type TestServer } from '../start.js'
import { elbClient, elbv2Client, REGION } from './elb-fixtures.js'

describe('e2e: load balancers over VPCs, subnets and instances made through the EC2 API', () => {
  let server: TestServer
  let ec2: EC2Client
  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
    ec2 = new EC2Client({
      endpoint: server.url,
      region: REGION,
      credentials: server.credentials,
      maxAttempts: 1,
    })
  })
  after(() => server.stop())

  it('places v2 and classic load balancers in EC2 subnets and registers an EC2 instance', async () => {
    const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!
    const a = (
      await ec2.send(
        new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' }),
      )
    ).Subnet!.SubnetId!
    const b = (
      await ec2.send(
        new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-east-1b' }),
      )
    ).Subnet!.SubnetId!
    // The VPC's default group, read from the store (EC2 may not answer DescribeSecurityGroups yet).
    const groups = await server.app.store.cloudResources.list({
      accountId: '000000000000',
      service: 'ec2',
      type: 'security-group',
      parentId: vpcId,
      limit: 10,
    })
    const defaultGroup = groups.items.find((g) => g.attributes.GroupName === 'default')!.id

    const v2 = elbv2Client(server.url, server.credentials)
    const lb = (await v2.send(new CreateLoadBalancerCommand({ Name: 'ec2-alb', Subnets: [a, b] })))
      .LoadBalancers![0]!
    assert.equal(lb.VpcId, vpcId)
    assert.deepEqual(
      lb.AvailabilityZones!.map((z) => [z.ZoneName, z.SubnetId]),
      [
        ['us-east-1a', a],
        ['us-east-1b', b],
      ],
    )
    assert.deepEqual(lb.SecurityGroups, [defaultGroup])

    const image = (await ec2.send(new DescribeImagesCommand({}))).Images![0]!.ImageId!
    const instance = (
      await ec2.send(
        new RunInstancesCommand({
          ImageId: image,
          InstanceType: 'm5.xlarge',
          MinCount: 1,
          MaxCount: 1,
          SubnetId: a,
        }),
      )
    ).Instances![0]!.InstanceId!
    const tg = (
      await v2.send(
        new CreateTargetGroupCommand({ Name: 'ec2-tg', Protocol: 'HTTP', Port: 80, VpcId: vpcId }),
      )
    ).TargetGroups![0]!
    await v2.send(
      new RegisterTargetsCommand({ TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: instance }] }),
    )

    const classic = elbClient(server.url, server.credentials)
    await classic.send(
      new CreateClassicCommand({
        LoadBalancerName: 'ec2-classic',
        Subnets: [a, b],
        Listeners: [{ Protocol: 'TCP', LoadBalancerPort: 6443, InstancePort: 6443 }],
      }),
    )
    const registered = await classic.send(
      new RegisterInstancesWithLoadBalancerCommand({
        LoadBalancerName: 'ec2-classic',
        Instances: [{ InstanceId: instance }],
      }),
    )
    assert.deepEqual(registered.Instances, [{ InstanceId: instance }])
  })
})
