import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { awsMissing, boto3Missing, type DebianClients, debianClients } from '../debian-clients.js'
import { startTestServer, type TestServer } from '../start.js'
import { NET, seedNetwork } from './elb-fixtures.js'

/** boto3: ELBv2 and classic ELB, paginators and an error code; prints JSON. */
const BOTO3_SCRIPT = `
import json, os
import boto3, botocore
url = os.environ["LANYARD_URL"]
v2 = boto3.Session().client("elbv2", endpoint_url=url)
classic = boto3.Session().client("elb", endpoint_url=url)
net = json.loads(os.environ["NET"])
lb = v2.create_load_balancer(Name="py-nlb", Type="network", Scheme="internal", Subnets=[net["subnetA"], net["subnetB"]],
                             Tags=[{"Key": "owner", "Value": "py"}])["LoadBalancers"][0]
tg = v2.create_target_group(Name="py-tg", Protocol="TCP", Port=6443, VpcId=net["vpc"], TargetType="ip")["TargetGroups"][0]
listener = v2.create_listener(LoadBalancerArn=lb["LoadBalancerArn"], Protocol="TCP", Port=6443,
                              DefaultActions=[{"Type": "forward", "TargetGroupArn": tg["TargetGroupArn"]}])["Listeners"][0]
v2.register_targets(TargetGroupArn=tg["TargetGroupArn"], Targets=[{"Id": "10.0.0.7"}])
for i in range(3):
    v2.create_target_group(Name="py-page-%d" % i, Protocol="TCP", Port=80 + i, VpcId=net["vpc"], TargetType="ip")
groups = []
for page in v2.get_paginator("describe_target_groups").paginate(PaginationConfig={"PageSize": 2}):
    groups += [g["TargetGroupName"] for g in page["TargetGroups"]]
classic.create_load_balancer(LoadBalancerName="py-classic", Subnets=[net["subnetA"]],
                             Listeners=[{"Protocol": "TCP", "LoadBalancerPort": 6443, "InstancePort": 6443}])
classic.register_instances_with_load_balancer(LoadBalancerName="py-classic", Instances=[{"InstanceId": net["running"]}])
names = []
for page in classic.get_paginator("describe_load_balancers").paginate(PaginationConfig={"PageSize": 1}):
    names += [d["LoadBalancerName"] for d in page["LoadBalancerDescriptions"]]
errors = []
try:
    v2.describe_load_balancers(Names=["missing"])
except botocore.exceptions.ClientError as e:
    errors.append([e.response["Error"]["Code"], e.response["Error"]["Message"], e.response["ResponseMetadata"]["HTTPStatusCode"]])
try:
    classic.describe_instance_health(LoadBalancerName="missing")
except classic.exceptions.AccessPointNotFoundException as e:
    errors.append([e.response["Error"]["Code"], e.response["Error"]["Message"], e.response["ResponseMetadata"]["HTTPStatusCode"]])
print(json.dumps({"dns": lb["DNSName"], "state": lb["State"]["Code"], "listener": listener["Port"],
                  "health": v2.describe_target_health(TargetGroupArn=tg["TargetGroupArn"])["TargetHealthDescriptions"][0]["TargetHealth"]["State"],
                  "groups": groups, "names": names, "errors": errors,
                  "tags": v2.describe_tags(ResourceArns=[lb["LoadBalancerArn"]])["TagDescriptions"][0]["Tags"]}))
`

describe('e2e: ELB and ELBv2 through the AWS CLI and boto3', () => {
  let server: TestServer
  let clients: DebianClients
  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
    await seedNetwork(server.app.store)
    clients = debianClients(server, { NET: JSON.stringify(NET) })
  })
  after(() => server.stop())

  it('aws elbv2 and aws elb: create, describe, listeners, targets, tags and an error', {
    skip: awsMissing,
  }, async () => {
    const lb = (
      await clients.aws(
        'elbv2',
        'create-load-balancer',
        '--name',
        'cli-alb',
        '--subnets',
        NET.subnetA,
        NET.subnetB,
      )
    ).LoadBalancers[0]
    assert.equal(lb.Type, 'application')
    assert.match(lb.DNSName, /^cli-alb-\d+\.us-east-1\.elb\.amazonaws\.com$/)
    const tg = (
      await clients.aws(
        'elbv2',
        'create-target-group',
        '--name',
        'cli-tg',
        '--protocol',
        'HTTP',
        '--port',
        '80',
        '--vpc-id',
        NET.vpc,
      )
    ).TargetGroups[0]
    await clients.aws(
      'elbv2',
      'create-listener',
      '--load-balancer-arn',
      lb.LoadBalancerArn,
      '--protocol',
      'HTTP',
      '--port',
      '80',
      '--default-actions',
      `Type=forward,TargetGroupArn=${tg.TargetGroupArn}`,
    )
    await clients.aws(
      'elbv2',
      'register-targets',
      '--target-group-arn',
      tg.TargetGroupArn,
      '--targets',
      `Id=${NET.running}`,
    )
    const health = await clients.aws(
      'elbv2',
      'describe-target-health',
      '--target-group-arn',
      tg.TargetGroupArn,
    )
    assert.equal(health.TargetHealthDescriptions[0].Target.Id, NET.running)
    await clients.aws(
      'elbv2',
      'add-tags',
      '--resource-arns',
      lb.LoadBalancerArn,
      '--tags',
      'Key=env,Value=dev',
    )
    const tags = await clients.aws('elbv2', 'describe-tags', '--resource-arns', lb.LoadBalancerArn)
    assert.deepEqual(tags.TagDescriptions[0].Tags, [{ Key: 'env', Value: 'dev' }])
    const listeners = await clients.aws(
      'elbv2',
      'describe-listeners',
      '--load-balancer-arn',
      lb.LoadBalancerArn,
    )
    assert.equal(listeners.Listeners[0].DefaultActions[0].TargetGroupArn, tg.TargetGroupArn)

    const classic = await clients.aws(
      'elb',
      'create-load-balancer',
      '--load-balancer-name',
      'cli-classic',
      '--subnets',
      NET.subnetA,
      '--listeners',
      'Protocol=HTTP,LoadBalancerPort=80,InstanceProtocol=HTTP,InstancePort=8080',
    )
    assert.match(classic.DNSName, /^cli-classic-\d+\.us-east-1\.elb\.amazonaws\.com$/)
    await clients.aws(
      'elb',
      'configure-health-check',
      '--load-balancer-name',
      'cli-classic',
      '--health-check',
      'Target=HTTP:8080/healthz,Interval=10,Timeout=5,UnhealthyThreshold=2,HealthyThreshold=2',
    )
    const described = await clients.aws(
      'elb',
      'describe-load-balancers',
      '--load-balancer-names',
      'cli-classic',
    )
    assert.equal(described.LoadBalancerDescriptions[0].HealthCheck.Target, 'HTTP:8080/healthz')
    await assert.rejects(clients.aws('elb', 'delete-load-balancer-listeners'), /load-balancer-name/)
    await assert.rejects(
      clients.aws('elb', 'describe-load-balancer-attributes', '--load-balancer-name', 'missing'),
      (error: Error & { stderr?: string }) => {
        assert.match(
          error.stderr ?? '',
          /\(LoadBalancerNotFound\).*There is no ACTIVE Load Balancer named 'missing'/,
        )
        return true
      },
    )
  })

  it('boto3: ELBv2 and classic ELB with paginators and error codes', { skip: boto3Missing }, async () => {
    const out = await clients.python(BOTO3_SCRIPT)
    assert.match(out.dns, /^py-nlb-[0-9a-f]{16}\.elb\.us-east-1\.amazonaws\.com$/)
    assert.equal(out.state, 'provisioning')
    assert.equal(out.listener, 6443)
    assert.equal(out.health, 'initial')
    // The AWS CLI test may have added its own groups and load balancers to the same server.
    assert.deepEqual(
      out.groups.filter((name: string) => name.startsWith('py-')),
      ['py-page-0', 'py-page-1', 'py-page-2', 'py-tg'],
    )
    assert.deepEqual(
      out.names.filter((name: string) => name.startsWith('py-')),
      ['py-classic'],
    )
    assert.deepEqual(out.tags, [{ Key: 'owner', Value: 'py' }])
    assert.deepEqual(out.errors, [
      ['LoadBalancerNotFound', "Load balancers '[missing]' not found", 400],
      ['LoadBalancerNotFound', "There is no ACTIVE Load Balancer named 'missing'", 400],
    ])
  })
})
