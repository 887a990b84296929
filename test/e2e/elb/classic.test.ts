import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  AddTagsCommand,
  ApplySecurityGroupsToLoadBalancerCommand,
  AttachLoadBalancerToSubnetsCommand,
  ConfigureHealthCheckCommand,
  CreateLoadBalancerCommand,
  CreateLoadBalancerListenersCommand,
  DeleteLoadBalancerCommand,
  DeleteLoadBalancerListenersCommand,
  DeregisterInstancesFromLoadBalancerCommand,
  DescribeAccountLimitsCommand,
  DescribeInstanceHealthCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
  DetachLoadBalancerFromSubnetsCommand,
  type ElasticLoadBalancingClient,
  ModifyLoadBalancerAttributesCommand,
  paginateDescribeLoadBalancers,
  RegisterInstancesWithLoadBalancerCommand,
  RemoveTagsCommand,
} from '@aws-sdk/client-elastic-load-balancing'
import { startTestServer, type TestServer } from '../start.js'
import { ACCOUNT } from '../sts/sts-fixtures.js'
import { elbClient, NET, rejectsWithCode, seedNetwork, sleep } from './elb-fixtures.js'

const HTTP = { Protocol: 'HTTP', LoadBalancerPort: 80, InstancePort: 8080 }

describe('e2e: classic ELB through the SDK v3', () => {
  let server: TestServer
  let elb: ElasticLoadBalancingClient
  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
    await seedNetwork(server.app.store)
    elb = elbClient(server.url, server.credentials)
  })
  after(() => server.stop())

  it('creates a load balancer in subnets with listeners and tags; describes it as AWS does', async () => {
    const out = await elb.send(
      new CreateLoadBalancerCommand({
        LoadBalancerName: 'router',
        Listeners: [HTTP, { Protocol: 'tcp', LoadBalancerPort: 443, InstancePort: 8443 }],
        Subnets: [NET.subnetA, NET.subnetB],
        Tags: [{ Key: 'kubernetes.io/cluster/c1', Value: 'owned' }],
      }),
    )
    assert.match(out.DNSName!, /^router-\d+\.us-east-1\.elb\.amazonaws\.com$/)
    const again = await elb.send(
      new CreateLoadBalancerCommand({
        LoadBalancerName: 'router',
        Listeners: [HTTP, { Protocol: 'tcp', LoadBalancerPort: 443, InstancePort: 8443 }],
        Subnets: [NET.subnetA, NET.subnetB],
      }),
    )
    assert.equal(again.DNSName, out.DNSName)
    await rejectsWithCode(
      elb.send(
        new CreateLoadBalancerCommand({
          LoadBalancerName: 'router',
          Listeners: [HTTP],
          Subnets: [NET.subnetA],
        }),
      ),
      'DuplicateLoadBalancerName',
      400,
      'Load Balancer named router already exists and it is configured with different parameters.',
    )
    const [lb] = (await elb.send(new DescribeLoadBalancersCommand({ LoadBalancerNames: ['router'] })))
      .LoadBalancerDescriptions!
    assert.equal(lb!.DNSName, out.DNSName)
    assert.equal(lb!.CanonicalHostedZoneName, out.DNSName)
    assert.equal(lb!.CanonicalHostedZoneNameID, 'Z35SXDOTRQ7X7K')
    assert.equal(lb!.VPCId, NET.vpc)
    assert.deepEqual(lb!.AvailabilityZones, ['us-east-1a', 'us-east-1b'])
    assert.deepEqual(lb!.SecurityGroups, [NET.defaultSg])
    assert.deepEqual(lb!.SourceSecurityGroup, { OwnerAlias: ACCOUNT, GroupName: 'default' })
    assert.deepEqual(
      lb!.ListenerDescriptions!.map((d) => d.Listener),
      [
        { Protocol: 'HTTP', LoadBalancerPort: 80, InstanceProtocol: 'HTTP', InstancePort: 8080 },
        { Protocol: 'TCP', LoadBalancerPort: 443, InstanceProtocol: 'TCP', InstancePort: 8443 },
      ],
    )
    assert.deepEqual(lb!.HealthCheck, {
      Target: 'TCP:8080',
      Interval: 30,
      Timeout: 5,
      UnhealthyThreshold: 2,
      HealthyThreshold: 10,
    })
    assert.equal(lb!.Scheme, 'internet-facing')
    const tags = await elb.send(new DescribeTagsCommand({ LoadBalancerNames: ['router'] }))
    assert.deepEqual(tags.TagDescriptions, [
      { LoadBalancerName: 'router', Tags: [{ Key: 'kubernetes.io/cluster/c1', Value: 'owned' }] },
    ])
  })

  it('answers AWS errors: unknown names, unknown subnets, two subnets in one zone', async () => {
    await rejectsWithCode(
      elb.send(new DescribeLoadBalancersCommand({ LoadBalancerNames: ['nope'] })),
      'LoadBalancerNotFound',
      400,
      'Cannot find Load Balancer nope',
    )
    await rejectsWithCode(
      elb.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerName: 'nope' })),
      'LoadBalancerNotFound',
      400,
      "There is no ACTIVE Load Balancer named 'nope'",
    )
    await rejectsWithCode(
      elb.send(
        new CreateLoadBalancerCommand({
          LoadBalancerName: 'bad',
          Listeners: [HTTP],
          Subnets: ['subnet-0000000000000dead'],
        }),
      ),
      'SubnetNotFound',
      400,
      "The subnet ID 'subnet-0000000000000dead' is not valid",
    )
    await rejectsWithCode(
      elb.send(
        new CreateLoadBalancerCommand({
          LoadBalancerName: 'bad',
          Listeners: [HTTP],
          Subnets: [NET.subnetA, NET.subnetA2],
        }),
      ),
      'InvalidConfigurationRequest',
      409,
      'A load balancer cannot be attached to multiple subnets in the same Availability Zone.',
    )
  })

  it('adds and removes listeners; a different listener on a taken port is DuplicateListener', async () => {
    await elb.send(
      new CreateLoadBalancerListenersCommand({
        LoadBalancerName: 'router',
        Listeners: [{ Protocol: 'TCP', LoadBalancerPort: 22623, InstancePort: 22623 }],
      }),
    )
    await rejectsWithCode(
      elb.send(
        new CreateLoadBalancerListenersCommand({
          LoadBalancerName: 'router',
          Listeners: [{ ...HTTP, InstancePort: 9090 }],
        }),
      ),
      'DuplicateListener',
      400,
      'A listener already exists for router with LoadBalancerPort 80, but with a different InstancePort, Protocol, or SSLCertificateId',
    )
    await elb.send(
      new DeleteLoadBalancerListenersCommand({ LoadBalancerName: 'router', LoadBalancerPorts: [443] }),
    )
    const [lb] = (await elb.send(new DescribeLoadBalancersCommand({ LoadBalancerNames: ['router'] })))
      .LoadBalancerDescriptions!
    assert.deepEqual(
      lb!.ListenerDescriptions!.map((d) => d.Listener!.LoadBalancerPort),
      [80, 22623],
    )
  })

  it('configures the health check, registers instances and reports their health', async () => {
    const hc = {
      Target: 'HTTP:8080/healthz',
      Interval: 10,
      Timeout: 5,
      UnhealthyThreshold: 2,
      HealthyThreshold: 2,
    }
    const out = await elb.send(
      new ConfigureHealthCheckCommand({ LoadBalancerName: 'router', HealthCheck: hc }),
    )
    assert.deepEqual(out.HealthCheck, hc)
    const registered = await elb.send(
      new RegisterInstancesWithLoadBalancerCommand({
        LoadBalancerName: 'router',
        Instances: [{ InstanceId: NET.running }, { InstanceId: NET.stopped }],
      }),
    )
    assert.deepEqual(registered.Instances, [{ InstanceId: NET.running }, { InstanceId: NET.stopped }])
    await rejectsWithCode(
      elb.send(
        new RegisterInstancesWithLoadBalancerCommand({
          LoadBalancerName: 'router',
          Instances: [{ InstanceId: 'i-0000000000000dead' }],
        }),
      ),
      'InvalidInstance',
      400,
      'Could not find EC2 instance i-0000000000000dead.',
    )
    const first = await elb.send(new DescribeInstanceHealthCommand({ LoadBalancerName: 'router' }))
    assert.deepEqual(
      first.InstanceStates!.map((s) => [s.InstanceId, s.State, s.ReasonCode]),
      [
        [NET.running, 'OutOfService', 'ELB'],
        [NET.stopped, 'OutOfService', 'Instance'],
      ],
    )
    await sleep(1_100)
    const later = await elb.send(
      new DescribeInstanceHealthCommand({
        LoadBalancerName: 'router',
        Instances: [{ InstanceId: NET.running }],
      }),
    )
    assert.deepEqual(later.InstanceStates, [
      { InstanceId: NET.running, State: 'InService', ReasonCode: 'N/A', Description: 'N/A' },
    ])
    const left = await elb.send(
      new DeregisterInstancesFromLoadBalancerCommand({
        LoadBalancerName: 'router',
        Instances: [{ InstanceId: NET.stopped }],
      }),
    )
    assert.deepEqual(left.Instances, [{ InstanceId: NET.running }])
    await rejectsWithCode(
      elb.send(
        new DeregisterInstancesFromLoadBalancerCommand({
          LoadBalancerName: 'router',
          Instances: [{ InstanceId: NET.stopped }],
        }),
      ),
      'InvalidInstance',
      400,
      `Could not find EC2 instance ${NET.stopped}.`,
    )
  })

  it('reads and changes attributes, security groups, subnets and tags', async () => {
    const attrs = await elb.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerName: 'router' }))
    assert.deepEqual(attrs.LoadBalancerAttributes!.CrossZoneLoadBalancing, { Enabled: false })
    assert.deepEqual(attrs.LoadBalancerAttributes!.ConnectionSettings, { IdleTimeout: 60 })
    const changed = await elb.send(
      new ModifyLoadBalancerAttributesCommand({
        LoadBalancerName: 'router',
        LoadBalancerAttributes: {
          CrossZoneLoadBalancing: { Enabled: true },
          ConnectionSettings: { IdleTimeout: 1800 },
        },
      }),
    )
    assert.equal(changed.LoadBalancerName, 'router')
    assert.deepEqual(changed.LoadBalancerAttributes!.CrossZoneLoadBalancing, { Enabled: true })
    const after = await elb.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerName: 'router' }))
    assert.deepEqual(after.LoadBalancerAttributes!.ConnectionSettings, { IdleTimeout: 1800 })
    assert.deepEqual(after.LoadBalancerAttributes!.ConnectionDraining, { Enabled: false, Timeout: 300 })
    const groups = await elb.send(
      new ApplySecurityGroupsToLoadBalancerCommand({ LoadBalancerName: 'router', SecurityGroups: [NET.sg] }),
    )
    assert.deepEqual(groups.SecurityGroups, [NET.sg])
    await rejectsWithCode(
      elb.send(
        new ApplySecurityGroupsToLoadBalancerCommand({
          LoadBalancerName: 'router',
          SecurityGroups: ['sg-000000000000dead'],
        }),
      ),
      'InvalidSecurityGroup',
      400,
      "One or more security groups are invalid: 'sg-000000000000dead'",
    )
    await elb.send(
      new CreateLoadBalancerCommand({
        LoadBalancerName: 'single',
        Listeners: [HTTP],
        Subnets: [NET.subnetA],
        Scheme: 'internal',
      }),
    )
    const subnets = await elb.send(
      new AttachLoadBalancerToSubnetsCommand({ LoadBalancerName: 'single', Subnets: [NET.subnetB] }),
    )
    assert.deepEqual(subnets.Subnets, [NET.subnetA, NET.subnetB])
    const detached = await elb.send(
      new DetachLoadBalancerFromSubnetsCommand({ LoadBalancerName: 'single', Subnets: [NET.subnetA] }),
    )
    assert.deepEqual(detached.Subnets, [NET.subnetB])
    const [single] = (await elb.send(new DescribeLoadBalancersCommand({ LoadBalancerNames: ['single'] })))
      .LoadBalancerDescriptions!
    assert.match(single!.DNSName!, /^internal-single-\d+\.us-east-1\.elb\.amazonaws\.com$/)
    assert.equal(single!.CanonicalHostedZoneName, undefined)
    assert.deepEqual(single!.AvailabilityZones, ['us-east-1b'])
    await elb.send(
      new AddTagsCommand({ LoadBalancerNames: ['router', 'single'], Tags: [{ Key: 'env', Value: 'dev' }] }),
    )
    await elb.send(
      new RemoveTagsCommand({ LoadBalancerNames: ['router'], Tags: [{ Key: 'kubernetes.io/cluster/c1' }] }),
    )
    const tags = await elb.send(new DescribeTagsCommand({ LoadBalancerNames: ['router', 'single'] }))
    assert.deepEqual(
      tags.TagDescriptions!.map((d) => [d.LoadBalancerName, d.Tags!.map((t) => `${t.Key}=${t.Value}`)]),
      [
        ['router', ['env=dev']],
        ['single', ['env=dev']],
      ],
    )
  })

  it('pages DescribeLoadBalancers and deletes load balancers (twice is no error)', async () => {
    const names: string[] = []
    for await (const page of paginateDescribeLoadBalancers({ client: elb, pageSize: 1 }, {}))
      names.push(...page.LoadBalancerDescriptions!.map((lb) => lb.LoadBalancerName!))
    assert.deepEqual(names, ['router', 'single'])
    await elb.send(new DeleteLoadBalancerCommand({ LoadBalancerName: 'single' }))
    await elb.send(new DeleteLoadBalancerCommand({ LoadBalancerName: 'single' }))
    const limits = await elb.send(new DescribeAccountLimitsCommand({}))
    assert.deepEqual(limits.Limits![0], { Name: 'classic-load-balancers', Max: '20' })
    const left = await elb.send(new DescribeLoadBalancersCommand({}))
    assert.deepEqual(
      left.LoadBalancerDescriptions!.map((lb) => lb.LoadBalancerName),
      ['router'],
    )
  })
})
