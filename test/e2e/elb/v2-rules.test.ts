import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  AddTagsCommand,
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DeleteListenerCommand,
  DeleteRuleCommand,
  DeleteTargetGroupCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  DescribeTargetGroupsCommand,
  type ElasticLoadBalancingV2Client,
  ModifyRuleCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { startTestServer, type TestServer } from '../start.js'
import { elbv2Client, NET, rejectsWithCode, seedNetwork } from './elb-fixtures.js'

describe('e2e: ELBv2 listener rules through the SDK v3', () => {
  let server: TestServer
  let elb: ElasticLoadBalancingV2Client
  let lbArn: string
  let listenerArn: string
  let web: string
  let api: string
  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
    await seedNetwork(server.app.store)
    elb = elbv2Client(server.url, server.credentials)
    lbArn = (
      await elb.send(new CreateLoadBalancerCommand({ Name: 'alb', Subnets: [NET.subnetA, NET.subnetB] }))
    ).LoadBalancers![0]!.LoadBalancerArn!
    const group = async (Name: string) =>
      (await elb.send(new CreateTargetGroupCommand({ Name, Protocol: 'HTTP', Port: 80, VpcId: NET.vpc })))
        .TargetGroups![0]!.TargetGroupArn!
    web = await group('web')
    api = await group('api')
    listenerArn = (
      await elb.send(
        new CreateListenerCommand({
          LoadBalancerArn: lbArn,
          Protocol: 'HTTP',
          Port: 80,
          DefaultActions: [{ Type: 'forward', TargetGroupArn: web }],
        }),
      )
    ).Listeners![0]!.ListenerArn!
  })
  after(() => server.stop())

  it('lists the default rule of a new listener', async () => {
    const out = await elb.send(new DescribeRulesCommand({ ListenerArn: listenerArn }))
    assert.equal(out.Rules!.length, 1)
    const rule = out.Rules![0]!
    assert.equal(rule.IsDefault, true)
    assert.equal(rule.Priority, 'default')
    assert.match(rule.RuleArn!, /:listener-rule\/app\/alb\/[0-9a-f]{16}\/[0-9a-f]{16}\/[0-9a-f]{16}$/)
    assert.equal(rule.Actions![0]!.TargetGroupArn, web)
    await rejectsWithCode(
      elb.send(new DeleteRuleCommand({ RuleArn: rule.RuleArn })),
      'OperationNotPermitted',
      400,
      `Default rule '${rule.RuleArn}' cannot be deleted`,
    )
  })

  it('creates rules at free priorities, lists them by priority and links their target groups', async () => {
    const conditions = [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } }]
    const out = await elb.send(
      new CreateRuleCommand({
        ListenerArn: listenerArn,
        Priority: 10,
        Conditions: conditions,
        Actions: [{ Type: 'forward', TargetGroupArn: api }],
        Tags: [{ Key: 'route', Value: 'api' }],
      }),
    )
    const rule = out.Rules![0]!
    assert.equal(rule.Priority, '10')
    assert.equal(rule.IsDefault, false)
    assert.deepEqual(rule.Conditions![0]!.PathPatternConfig?.Values, ['/api/*'])
    await rejectsWithCode(
      elb.send(
        new CreateRuleCommand({
          ListenerArn: listenerArn,
          Priority: 10,
          Conditions: conditions,
          Actions: [{ Type: 'forward', TargetGroupArn: web }],
        }),
      ),
      'PriorityInUse',
      400,
      "Priority '10' is currently in use",
    )
    await elb.send(
      new CreateRuleCommand({
        ListenerArn: listenerArn,
        Priority: 5,
        Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: ['a.example.com'] } }],
        Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }],
      }),
    )
    const all = await elb.send(new DescribeRulesCommand({ ListenerArn: listenerArn }))
    assert.deepEqual(
      all.Rules!.map((r) => r.Priority),
      ['5', '10', 'default'],
    )
    const groups = await elb.send(new DescribeTargetGroupsCommand({ LoadBalancerArn: lbArn }))
    assert.deepEqual(groups.TargetGroups!.map((g) => g.TargetGroupName).sort(), ['api', 'web'])
    await rejectsWithCode(
      elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: api })),
      'ResourceInUse',
      400,
      `Target group '${api}' is currently in use by a listener or a rule`,
    )
    const tags = await elb.send(new DescribeTagsCommand({ ResourceArns: [rule.RuleArn!] }))
    assert.deepEqual(tags.TagDescriptions![0]!.Tags, [{ Key: 'route', Value: 'api' }])
    await elb.send(new AddTagsCommand({ ResourceArns: [rule.RuleArn!], Tags: [{ Key: 'k', Value: 'v' }] }))
  })

  it('modifies a rule and the default rule; deletes a rule; unknown rules are RuleNotFound', async () => {
    const [first, second, dflt] = (await elb.send(new DescribeRulesCommand({ ListenerArn: listenerArn })))
      .Rules!
    const modified = await elb.send(
      new ModifyRuleCommand({
        RuleArn: second!.RuleArn,
        Actions: [{ Type: 'forward', TargetGroupArn: web }],
      }),
    )
    assert.equal(modified.Rules![0]!.Actions![0]!.TargetGroupArn, web)
    await elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: api }))
    const newDefault = await elb.send(
      new ModifyRuleCommand({
        RuleArn: dflt!.RuleArn,
        Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '503' } }],
      }),
    )
    assert.equal(newDefault.Rules![0]!.IsDefault, true)
    assert.equal(newDefault.Rules![0]!.Actions![0]!.Type, 'fixed-response')
    await elb.send(new DeleteRuleCommand({ RuleArn: first!.RuleArn }))
    await rejectsWithCode(
      elb.send(new DescribeRulesCommand({ RuleArns: [first!.RuleArn!] })),
      'RuleNotFound',
      400,
      'One or more rules not found',
    )
    await elb.send(new DeleteListenerCommand({ ListenerArn: listenerArn }))
    await rejectsWithCode(
      elb.send(new DescribeRulesCommand({ RuleArns: [second!.RuleArn!] })),
      'RuleNotFound',
      400,
      'One or more rules not found',
    )
    await elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: web }))
  })
})
