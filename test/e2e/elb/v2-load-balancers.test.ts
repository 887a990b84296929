import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  CreateLoadBalancerCommand,
  DeleteLoadBalancerCommand,
  DescribeAccountLimitsCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  type ElasticLoadBalancingV2Client,
  ModifyLoadBalancerAttributesCommand,
  paginateDescribeLoadBalancers,
  SetSecurityGroupsCommand,
  SetSubnetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { startTestServer, type TestServer } from '../start.js'
import { ACCOUNT } from '../sts/sts-fixtures.js'
import { elbv2Client, NET, rejectsWithCode, seedNetwork, sleep } from './elb-fixtures.js'

describe('e2e: ELBv2 load balancers through the SDK v3', () => {
  let server: TestServer
  let elb: ElasticLoadBalancingV2Client
  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
    await seedNetwork(server.app.store)
    elb = elbv2Client(server.url, server.credentials)
  })
  after(() => server.stop())

  it('creates a network load balancer: ARN, DNS name, hosted zone, provisioning then active', async () => {
    const out = await elb.send(
      new CreateLoadBalancerCommand({
        Name: 'api-int',
        Type: 'network',
        Scheme: 'internal',
        Subnets: [NET.subnetA, NET.subnetB],
        Tags: [{ Key: 'cluster', Value: 'c1' }],
      }),
    )
    const lb = out.LoadBalancers![0]!
    assert.match(
      lb.LoadBalancerArn!,
      new RegExp(`^arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/net/api-int/[0-9a-f]{16}$`),
    )
    const id = lb.LoadBalancerArn!.split('/').at(-1)
    assert.equal(lb.DNSName, `api-int-${id}.elb.us-east-1.amazonaws.com`)
    assert.equal(lb.CanonicalHostedZoneId, 'Z26RNL4JYFTOTI')
    assert.equal(lb.State?.Code, 'provisioning')
    assert.equal(lb.Scheme, 'internal')
    assert.equal(lb.VpcId, NET.vpc)
    assert.deepEqual(
      lb.AvailabilityZones!.map((z) => [z.ZoneName, z.SubnetId]),
      [
        ['us-east-1a', NET.subnetA],
        ['us-east-1b', NET.subnetB],
      ],
    )
    assert.equal(lb.SecurityGroups, undefined)
    await sleep(1_100)
    const described = await elb.send(new DescribeLoadBalancersCommand({ Names: ['api-int'] }))
    assert.equal(described.LoadBalancers![0]!.State?.Code, 'active')
    assert.ok(described.LoadBalancers![0]!.CreatedTime instanceof Date)
    const again = await elb.send(
      new CreateLoadBalancerCommand({
        Name: 'api-int',
        Type: 'network',
        Scheme: 'internal',
        Subnets: [NET.subnetA, NET.subnetB],
      }),
    )
    assert.equal(
      again.LoadBalancers![0]!.LoadBalancerArn,
      lb.LoadBalancerArn,
      'the same call answers the same load balancer',
    )
    await rejectsWithCode(
      elb.send(new CreateLoadBalancerCommand({ Name: 'api-int', Type: 'network', Subnets: [NET.subnetA] })),
      'DuplicateLoadBalancerName',
      400,
      "A load balancer with the same name 'api-int' exists, but with different settings",
    )
  })

  it('creates an application load balancer with the VPC default security group and its DNS form', async () => {
    const out = await elb.send(
      new CreateLoadBalancerCommand({
        Name: 'web',
        SubnetMappings: [{ SubnetId: NET.subnetA }, { SubnetId: NET.subnetB }],
      }),
    )
    const lb = out.LoadBalancers![0]!
    assert.equal(lb.Type, 'application')
    assert.equal(lb.Scheme, 'internet-facing')
    assert.match(lb.LoadBalancerArn!, /:loadbalancer\/app\/web\/[0-9a-f]{16}$/)
    assert.match(lb.DNSName!, /^web-\d+\.us-east-1\.elb\.amazonaws\.com$/)
    assert.equal(lb.CanonicalHostedZoneId, 'Z35SXDOTRQ7X7K')
    assert.deepEqual(lb.SecurityGroups, [NET.defaultSg])
  })

  it('answers AWS errors for subnets: unknown, one zone twice, a single zone for an ALB, two VPCs', async () => {
    await rejectsWithCode(
      elb.send(
        new CreateLoadBalancerCommand({ Name: 'x1', Type: 'network', Subnets: ['subnet-0000000000000dead'] }),
      ),
      'SubnetNotFound',
      400,
      "The subnet ID 'subnet-0000000000000dead' is not valid",
    )
    await rejectsWithCode(
      elb.send(
        new CreateLoadBalancerCommand({ Name: 'x2', Type: 'network', Subnets: [NET.subnetA, NET.subnetA2] }),
      ),
      'InvalidConfigurationRequest',
      400,
      'A load balancer cannot be attached to multiple subnets in the same Availability Zone',
    )
    await rejectsWithCode(
      elb.send(new CreateLoadBalancerCommand({ Name: 'x3', Subnets: [NET.subnetA] })),
      'ValidationError',
      400,
      'At least two subnets in two different Availability Zones must be specified',
    )
    await rejectsWithCode(
      elb.send(
        new CreateLoadBalancerCommand({
          Name: 'x4',
          Type: 'network',
          Subnets: [NET.subnetA, NET.otherSubnet],
        }),
      ),
      'InvalidConfigurationRequest',
      400,
      'All subnets must belong to the same VPC',
    )
    await rejectsWithCode(
      elb.send(
        new CreateLoadBalancerCommand({
          Name: 'x5',
          Subnets: [NET.subnetA, NET.subnetB],
          SecurityGroups: ['sg-000000000000dead'],
        }),
      ),
      'InvalidSecurityGroup',
      400,
      "One or more security groups are invalid: 'sg-000000000000dead'",
    )
  })

  it('pages DescribeLoadBalancers with Marker and PageSize; unknown names and ARNs are LoadBalancerNotFound', async () => {
    for (let i = 0; i < 3; i++)
      await elb.send(
        new CreateLoadBalancerCommand({ Name: `page-${i}`, Type: 'network', Subnets: [NET.subnetA] }),
      )
    const first = await elb.send(new DescribeLoadBalancersCommand({ PageSize: 2 }))
    assert.equal(first.LoadBalancers!.length, 2)
    assert.ok(first.NextMarker)
    const names: string[] = []
    for await (const page of paginateDescribeLoadBalancers({ client: elb, pageSize: 2 }, {}))
      names.push(...page.LoadBalancers!.map((lb) => lb.LoadBalancerName!))
    assert.deepEqual(names, ['api-int', 'page-0', 'page-1', 'page-2', 'web'])
    await rejectsWithCode(
      elb.send(new DescribeLoadBalancersCommand({ Names: ['nope', 'web'] })),
      'LoadBalancerNotFound',
      400,
      "Load balancers '[nope]' not found",
    )
    await rejectsWithCode(
      elb.send(
        new DescribeLoadBalancersCommand({
          LoadBalancerArns: [
            `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/net/nope/0123456789abcdef`,
          ],
        }),
      ),
      'LoadBalancerNotFound',
      400,
      'One or more load balancers not found',
    )
    await rejectsWithCode(
      elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: ['nope'] })),
      'ValidationError',
      400,
      "'nope' is not a valid load balancer ARN",
    )
  })

  it('reads and changes attributes; deletion protection blocks DeleteLoadBalancer; deleting twice is no error', async () => {
    const [lb] = (await elb.send(new DescribeLoadBalancersCommand({ Names: ['page-0'] }))).LoadBalancers!
    const arn = lb!.LoadBalancerArn!
    const attrs = await elb.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: arn }))
    const map = Object.fromEntries(attrs.Attributes!.map((a) => [a.Key, a.Value]))
    assert.equal(map['deletion_protection.enabled'], 'false')
    assert.equal(map['load_balancing.cross_zone.enabled'], 'false')
    const changed = await elb.send(
      new ModifyLoadBalancerAttributesCommand({
        LoadBalancerArn: arn,
        Attributes: [{ Key: 'deletion_protection.enabled', Value: 'true' }],
      }),
    )
    assert.ok(changed.Attributes!.some((a) => a.Key === 'deletion_protection.enabled' && a.Value === 'true'))
    await rejectsWithCode(
      elb.send(
        new ModifyLoadBalancerAttributesCommand({
          LoadBalancerArn: arn,
          Attributes: [{ Key: 'nope', Value: '1' }],
        }),
      ),
      'ValidationError',
      400,
      "Load balancer attribute key 'nope' is not recognized",
    )
    await rejectsWithCode(
      elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: arn })),
      'OperationNotPermitted',
      400,
      `Load balancer '${arn}' cannot be deleted because deletion protection is enabled`,
    )
    await elb.send(
      new ModifyLoadBalancerAttributesCommand({
        LoadBalancerArn: arn,
        Attributes: [{ Key: 'deletion_protection.enabled', Value: 'false' }],
      }),
    )
    await elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: arn }))
    await elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: arn }))
    await rejectsWithCode(
      elb.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: arn })),
      'LoadBalancerNotFound',
      400,
      `Load balancer '${arn}' not found`,
    )
  })

  it('changes security groups and subnets; lists the account limits', async () => {
    const [web] = (await elb.send(new DescribeLoadBalancersCommand({ Names: ['web'] }))).LoadBalancers!
    const groups = await elb.send(
      new SetSecurityGroupsCommand({ LoadBalancerArn: web!.LoadBalancerArn, SecurityGroups: [NET.sg] }),
    )
    assert.deepEqual(groups.SecurityGroupIds, [NET.sg])
    const [api] = (await elb.send(new DescribeLoadBalancersCommand({ Names: ['api-int'] }))).LoadBalancers!
    await rejectsWithCode(
      elb.send(
        new SetSecurityGroupsCommand({ LoadBalancerArn: api!.LoadBalancerArn, SecurityGroups: [NET.sg] }),
      ),
      'ValidationError',
      400,
      'A network load balancer created without security groups cannot have security groups added',
    )
    const subnets = await elb.send(
      new SetSubnetsCommand({ LoadBalancerArn: api!.LoadBalancerArn, Subnets: [NET.subnetA2] }),
    )
    assert.deepEqual(
      subnets.AvailabilityZones!.map((z) => z.SubnetId),
      [NET.subnetA2],
    )
    const [after] = (await elb.send(new DescribeLoadBalancersCommand({ Names: ['api-int'] }))).LoadBalancers!
    assert.deepEqual(
      after!.AvailabilityZones!.map((z) => z.SubnetId),
      [NET.subnetA2],
    )
    const limits = await elb.send(new DescribeAccountLimitsCommand({ PageSize: 2 }))
    assert.deepEqual(limits.Limits![0], { Name: 'application-load-balancers', Max: '50' })
    assert.equal(limits.Limits!.length, 2)
    assert.ok(limits.NextMarker)
  })
})
