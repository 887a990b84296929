import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  AddTagsCommand,
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DeleteListenerCommand,
  DeleteLoadBalancerCommand,
  DeleteTargetGroupCommand,
  DeregisterTargetsCommand,
  DescribeListenersCommand,
  DescribeTagsCommand,
  DescribeTargetGroupAttributesCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  type ElasticLoadBalancingV2Client,
  ModifyListenerCommand,
  ModifyTargetGroupAttributesCommand,
  ModifyTargetGroupCommand,
  RegisterTargetsCommand,
  RemoveTagsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { startTestServer, type TestServer } from '../start.js'
import { ACCOUNT } from '../sts/sts-fixtures.js'
import { elbv2Client, NET, rejectsWithCode, seedNetwork, sleep } from './elb-fixtures.js'

describe('e2e: ELBv2 target groups, targets, listeners and tags through the SDK v3', () => {
  let server: TestServer
  let elb: ElasticLoadBalancingV2Client
  let lbArn: string
  let tgArn: string
  let listenerArn: string
  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
    await seedNetwork(server.app.store)
    elb = elbv2Client(server.url, server.credentials)
    const out = await elb.send(
      new CreateLoadBalancerCommand({ Name: 'api', Type: 'network', Subnets: [NET.subnetA, NET.subnetB] }),
    )
    lbArn = out.LoadBalancers![0]!.LoadBalancerArn!
  })
  after(() => server.stop())

  it('creates a TCP target group with AWS defaults; the same call answers it again; a changed one is a duplicate', async () => {
    const out = await elb.send(
      new CreateTargetGroupCommand({
        Name: 'api-6443',
        Protocol: 'TCP',
        Port: 6443,
        VpcId: NET.vpc,
        TargetType: 'ip',
      }),
    )
    const tg = out.TargetGroups![0]!
    tgArn = tg.TargetGroupArn!
    assert.match(
      tgArn,
      new RegExp(`^arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/api-6443/[0-9a-f]{16}$`),
    )
    assert.equal(tg.HealthCheckProtocol, 'TCP')
    assert.equal(tg.HealthCheckPort, 'traffic-port')
    assert.equal(tg.HealthCheckIntervalSeconds, 30)
    assert.equal(tg.HealthCheckTimeoutSeconds, 10)
    assert.equal(tg.HealthyThresholdCount, 5)
    assert.equal(tg.UnhealthyThresholdCount, 2)
    assert.equal(tg.TargetType, 'ip')
    assert.deepEqual(tg.LoadBalancerArns, [])
    const again = await elb.send(
      new CreateTargetGroupCommand({
        Name: 'api-6443',
        Protocol: 'TCP',
        Port: 6443,
        VpcId: NET.vpc,
        TargetType: 'ip',
      }),
    )
    assert.equal(again.TargetGroups![0]!.TargetGroupArn, tgArn)
    await rejectsWithCode(
      elb.send(
        new CreateTargetGroupCommand({
          Name: 'api-6443',
          Protocol: 'TCP',
          Port: 22,
          VpcId: NET.vpc,
          TargetType: 'ip',
        }),
      ),
      'DuplicateTargetGroupName',
      400,
      "A target group with the same name 'api-6443' exists, but with different settings",
    )
    await rejectsWithCode(
      elb.send(
        new CreateTargetGroupCommand({
          Name: 'novpc',
          Protocol: 'TCP',
          Port: 22,
          VpcId: 'vpc-000000000000dead',
        }),
      ),
      'ValidationError',
      400,
      "The VPC ID 'vpc-000000000000dead' is not found",
    )
    await rejectsWithCode(
      elb.send(new CreateTargetGroupCommand({ Name: 'noport', Protocol: 'TCP', VpcId: NET.vpc })),
      'ValidationError',
      400,
      'A port must be specified',
    )
    const http = await elb.send(
      new CreateTargetGroupCommand({ Name: 'web', Protocol: 'HTTP', Port: 80, VpcId: NET.vpc }),
    )
    assert.equal(http.TargetGroups![0]!.HealthCheckPath, '/')
    assert.deepEqual(http.TargetGroups![0]!.Matcher, { HttpCode: '200' })
    assert.equal(http.TargetGroups![0]!.ProtocolVersion, 'HTTP1')
  })

  it('modifies the health check and attributes', async () => {
    const out = await elb.send(
      new ModifyTargetGroupCommand({
        TargetGroupArn: tgArn,
        HealthCheckProtocol: 'HTTPS',
        HealthCheckPath: '/readyz',
        HealthCheckIntervalSeconds: 10,
        HealthCheckTimeoutSeconds: 5,
      }),
    )
    const tg = out.TargetGroups![0]!
    assert.equal(tg.HealthCheckProtocol, 'HTTPS')
    assert.equal(tg.HealthCheckPath, '/readyz')
    assert.equal(tg.HealthCheckIntervalSeconds, 10)
    const attrs = await elb.send(new DescribeTargetGroupAttributesCommand({ TargetGroupArn: tgArn }))
    const map = Object.fromEntries(attrs.Attributes!.map((a) => [a.Key, a.Value]))
    assert.equal(map['deregistration_delay.timeout_seconds'], '300')
    assert.equal(map['preserve_client_ip.enabled'], 'false')
    const changed = await elb.send(
      new ModifyTargetGroupAttributesCommand({
        TargetGroupArn: tgArn,
        Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '60' }],
      }),
    )
    assert.ok(
      changed.Attributes!.some((a) => a.Key === 'deregistration_delay.timeout_seconds' && a.Value === '60'),
    )
  })

  it('creates a listener forwarding to the group; the group is then in use and shows the load balancer', async () => {
    const out = await elb.send(
      new CreateListenerCommand({
        LoadBalancerArn: lbArn,
        Protocol: 'TCP',
        Port: 6443,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn }],
      }),
    )
    const listener = out.Listeners![0]!
    listenerArn = listener.ListenerArn!
    const lbPart = lbArn.split(':loadbalancer/')[1]
    assert.match(listenerArn, new RegExp(`:listener/${lbPart}/[0-9a-f]{16}$`))
    assert.equal(listener.DefaultActions![0]!.TargetGroupArn, tgArn)
    assert.equal(listener.DefaultActions![0]!.ForwardConfig?.TargetGroups?.[0]?.TargetGroupArn, tgArn)
    await rejectsWithCode(
      elb.send(
        new CreateListenerCommand({
          LoadBalancerArn: lbArn,
          Protocol: 'TCP',
          Port: 6443,
          DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn }],
        }),
      ),
      'DuplicateListener',
      400,
      'A listener already exists on this port for this load balancer',
    )
    const missing = tgArn.replace(/[0-9a-f]{16}$/, '0000000000000000')
    await rejectsWithCode(
      elb.send(
        new CreateListenerCommand({
          LoadBalancerArn: lbArn,
          Protocol: 'TCP',
          Port: 22623,
          DefaultActions: [{ Type: 'forward', TargetGroupArn: missing }],
        }),
      ),
      'TargetGroupNotFound',
      400,
      `Target groups '${missing}' not found`,
    )
    await rejectsWithCode(
      elb.send(
        new CreateListenerCommand({
          LoadBalancerArn: lbArn,
          Protocol: 'TCP',
          Port: 22623,
          DefaultActions: [{ Type: 'forward' }],
        }),
      ),
      'ValidationError',
      400,
      'A target group ARN must be specified',
    )
    const groups = await elb.send(new DescribeTargetGroupsCommand({ LoadBalancerArn: lbArn }))
    assert.deepEqual(
      groups.TargetGroups!.map((g) => g.TargetGroupArn),
      [tgArn],
    )
    assert.deepEqual(groups.TargetGroups![0]!.LoadBalancerArns, [lbArn])
    const listeners = await elb.send(new DescribeListenersCommand({ LoadBalancerArn: lbArn }))
    assert.deepEqual(
      listeners.Listeners!.map((l) => l.Port),
      [6443],
    )
    await rejectsWithCode(
      elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: tgArn })),
      'ResourceInUse',
      400,
      `Target group '${tgArn}' is currently in use by a listener or a rule`,
    )
    const modified = await elb.send(new ModifyListenerCommand({ ListenerArn: listenerArn, Port: 443 }))
    assert.equal(modified.Listeners![0]!.Port, 443)
  })

  it('registers targets; health goes initial → healthy; deregisters them', async () => {
    await elb.send(
      new RegisterTargetsCommand({
        TargetGroupArn: tgArn,
        Targets: [{ Id: '10.0.0.10' }, { Id: '10.0.0.11', Port: 8443 }],
      }),
    )
    const first = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tgArn }))
    assert.deepEqual(
      first.TargetHealthDescriptions!.map((d) => [
        d.Target!.Id,
        d.Target!.Port,
        d.HealthCheckPort,
        d.TargetHealth!.State,
      ]),
      [
        ['10.0.0.10', 6443, '6443', 'initial'],
        ['10.0.0.11', 8443, '8443', 'initial'],
      ],
    )
    await sleep(1_100)
    const later = await elb.send(
      new DescribeTargetHealthCommand({
        TargetGroupArn: tgArn,
        Targets: [{ Id: '10.0.0.10' }, { Id: '10.0.0.99' }],
      }),
    )
    assert.deepEqual(
      later.TargetHealthDescriptions!.map((d) => [
        d.Target!.Id,
        d.TargetHealth!.State,
        d.TargetHealth!.Reason,
      ]),
      [
        ['10.0.0.10', 'healthy', undefined],
        ['10.0.0.99', 'unused', 'Target.NotRegistered'],
      ],
    )
    await elb.send(new DeregisterTargetsCommand({ TargetGroupArn: tgArn, Targets: [{ Id: '10.0.0.10' }] }))
    const left = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tgArn }))
    assert.deepEqual(
      left.TargetHealthDescriptions!.map((d) => d.Target!.Id),
      ['10.0.0.11'],
    )
  })

  it('counts every target of concurrent RegisterTargets calls', async () => {
    const out = await elb.send(
      new CreateTargetGroupCommand({
        Name: 'busy',
        Protocol: 'TCP',
        Port: 80,
        VpcId: NET.vpc,
        TargetType: 'ip',
      }),
    )
    const arn = out.TargetGroups![0]!.TargetGroupArn!
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        elb.send(new RegisterTargetsCommand({ TargetGroupArn: arn, Targets: [{ Id: `10.0.9.${i}` }] })),
      ),
    )
    const health = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn }))
    assert.equal(health.TargetHealthDescriptions!.length, 8)
    await elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: arn }))
  })

  it('takes only running instances as instance targets; an unused group reports Target.NotInUse', async () => {
    const out = await elb.send(
      new CreateTargetGroupCommand({ Name: 'workers', Protocol: 'TCP', Port: 443, VpcId: NET.vpc }),
    )
    const arn = out.TargetGroups![0]!.TargetGroupArn!
    await rejectsWithCode(
      elb.send(new RegisterTargetsCommand({ TargetGroupArn: arn, Targets: [{ Id: NET.stopped }] })),
      'InvalidTarget',
      400,
      `The following targets are not in a running state and cannot be registered: '${NET.stopped}'`,
    )
    await rejectsWithCode(
      elb.send(new RegisterTargetsCommand({ TargetGroupArn: arn, Targets: [{ Id: 'i-0000000000000dead' }] })),
      'InvalidTarget',
      400,
      'The specified target does not exist, is not in the same VPC as the target group, or has an unsupported instance type.',
    )
    await elb.send(new RegisterTargetsCommand({ TargetGroupArn: arn, Targets: [{ Id: NET.running }] }))
    const health = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn }))
    assert.deepEqual(health.TargetHealthDescriptions![0]!.TargetHealth, {
      State: 'unused',
      Reason: 'Target.NotInUse',
      Description: 'Target group is not configured to receive traffic from the load balancer',
    })
  })

  it('tags load balancers, target groups and listeners; unknown resources answer their not-found codes', async () => {
    await elb.send(
      new AddTagsCommand({
        ResourceArns: [lbArn, tgArn, listenerArn],
        Tags: [
          { Key: 'owned', Value: 'yes' },
          { Key: 'k', Value: 'v' },
        ],
      }),
    )
    await elb.send(new RemoveTagsCommand({ ResourceArns: [tgArn], TagKeys: ['k'] }))
    const out = await elb.send(new DescribeTagsCommand({ ResourceArns: [lbArn, tgArn, listenerArn] }))
    assert.deepEqual(
      out.TagDescriptions!.map((d) => [d.ResourceArn, d.Tags!.map((t) => `${t.Key}=${t.Value}`)]),
      [
        [lbArn, ['owned=yes', 'k=v']],
        [tgArn, ['owned=yes']],
        [listenerArn, ['owned=yes', 'k=v']],
      ],
    )
    const goneTg = tgArn.replace(/[0-9a-f]{16}$/, '0000000000000000')
    await rejectsWithCode(
      elb.send(new DescribeTagsCommand({ ResourceArns: [goneTg] })),
      'TargetGroupNotFound',
      400,
      `Target groups '${goneTg}' not found`,
    )
    const tooMany = Array.from({ length: 50 }, (_, i) => ({ Key: `t${i}`, Value: 'x' }))
    await rejectsWithCode(
      elb.send(new AddTagsCommand({ ResourceArns: [tgArn], Tags: tooMany })),
      'TooManyTags',
      400,
      'The quota for the number of tags that can be assigned to a load balancer has been reached',
    )
  })

  it('deleting the load balancer deletes its listeners and frees the target group', async () => {
    await elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: lbArn }))
    await rejectsWithCode(
      elb.send(new DescribeListenersCommand({ ListenerArns: [listenerArn] })),
      'ListenerNotFound',
      400,
      'One or more listeners not found',
    )
    await rejectsWithCode(
      elb.send(new DeleteListenerCommand({ ListenerArn: listenerArn })),
      'ListenerNotFound',
      400,
      `Listener '${listenerArn}' not found`,
    )
    const tg = await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [tgArn] }))
    assert.deepEqual(tg.TargetGroups![0]!.LoadBalancerArns, [])
    await elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: tgArn }))
    await rejectsWithCode(
      elb.send(new DescribeTargetGroupsCommand({ Names: ['api-6443'] })),
      'TargetGroupNotFound',
      400,
      'One or more target groups not found',
    )
  })
})
