import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail'
import {
  DescribeInstancesCommand,
  DescribeNatGatewaysCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2'
import {
  DescribeLoadBalancersCommand as DescribeClassic,
  ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing'
import {
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { GetInstanceProfileCommand, IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam'
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api'
import {
  ListResourceRecordSetsCommand,
  ListTagsForResourceCommand,
  Route53Client,
} from '@aws-sdk/client-route-53'
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3'
import { recordCluster, validateAccountRoles } from '../../../src/rosa/cluster-create.js'
import { DEFAULT_PROVIDER_ACCOUNT } from '../../../src/rosa/cluster-provider.js'
import { runInstaller, runUninstaller } from '../../../src/rosa/install/installer.js'
import { startTestServer, type TestServer } from '../start.js'
import {
  CUSTOMER,
  clusterApi,
  createAccountRoles,
  initProvider,
  type Keys,
  sdk,
} from './rosa-cluster-fixtures.js'

describe('e2e: lanyard rosa create cluster --sts — the provider installs with temporary credentials only', () => {
  let server: TestServer
  let provider: Keys
  let infraId: string
  const tagKey = () => `kubernetes.io/cluster/${infraId}`
  const owned = () => [{ Name: `tag:${tagKey()}`, Values: ['owned'] }]

  before(async () => {
    server = await startTestServer()
    provider = await initProvider(server)
    await createAccountRoles(server, 'ManagedOpenShift', 'ext-1234')
    const iam = new IAMClient(sdk(server, server.credentials))
    const roles = await validateAccountRoles(iam, 'ManagedOpenShift', '4.22')
    iam.destroy()
    assert.equal(roles.externalId, 'ext-1234')
    const cluster = await recordCluster(
      clusterApi(server, server.credentials),
      { name: 'demo', prefix: 'ManagedOpenShift', version: '4.22', multiAz: true, region: 'us-east-1' },
      roles,
    )
    assert.equal(cluster.state, 'pending')
    infraId = cluster.infra_id
    const done = await runInstaller({
      endpoint: server.url,
      region: 'us-east-1',
      providerCredentials: provider,
      providerAccount: DEFAULT_PROVIDER_ACCOUNT,
      clusterId: cluster.id,
    })
    assert.equal(done.state, 'ready')
  })
  after(() => server.stop())

  it('builds the network per availability zone, tagged with the infra id', async () => {
    const ec2 = new EC2Client(sdk(server, server.credentials))
    const vpcs = await ec2.send(new DescribeVpcsCommand({ Filters: owned() }))
    assert.equal(vpcs.Vpcs?.length, 1)
    const subnets = await ec2.send(new DescribeSubnetsCommand({ Filters: owned() }))
    assert.equal(subnets.Subnets?.length, 6)
    assert.equal(new Set(subnets.Subnets!.map((s) => s.AvailabilityZone)).size, 3)
    const nats = await ec2.send(new DescribeNatGatewaysCommand({ Filter: owned() }))
    assert.equal(nats.NatGateways?.length, 3)
    const instances = await ec2.send(new DescribeInstancesCommand({ Filters: owned() }))
    const all = instances.Reservations!.flatMap((r) => r.Instances ?? [])
    const live = all.filter((i) => i.State?.Name !== 'terminated' && i.State?.Name !== 'shutting-down')
    assert.deepEqual(live.map((i) => i.Tags!.find((t) => t.Key === 'Name')!.Value).sort(), [
      `${infraId}-master-0`,
      `${infraId}-master-1`,
      `${infraId}-master-2`,
    ])
    assert.ok(live.every((i) => i.IamInstanceProfile?.Arn?.endsWith(`/${infraId}-master-profile`)))
    const bootstrap = all.find((i) => i.Tags!.some((t) => t.Value === `${infraId}-bootstrap`))
    assert.ok(
      ['shutting-down', 'terminated'].includes(bootstrap!.State!.Name!),
      'the bootstrap instance is torn down',
    )
    const volumes = await ec2.send(new DescribeVolumesCommand({ Filters: owned() }))
    assert.ok((volumes.Volumes?.length ?? 0) >= 3)
    ec2.destroy()
  })

  it('builds the API NLB, the ingress classic ELB, the private zone with api records and the instance profiles', async () => {
    const elbv2 = new ElasticLoadBalancingV2Client(sdk(server, server.credentials))
    const nlb = (await elbv2.send(new DescribeLoadBalancersCommand({ Names: [`${infraId}-int`] })))
      .LoadBalancers![0]!
    assert.equal(nlb.Type, 'network')
    const tags = await elbv2.send(new DescribeTagsCommand({ ResourceArns: [nlb.LoadBalancerArn!] }))
    assert.ok(tags.TagDescriptions![0]!.Tags!.some((t) => t.Key === tagKey() && t.Value === 'owned'))
    const elb = new ElasticLoadBalancingClient(sdk(server, server.credentials))
    const classic = await elb.send(new DescribeClassic({ LoadBalancerNames: [`${infraId}-ing`] }))
    assert.equal(classic.LoadBalancerDescriptions?.length, 1)
    const route53 = new Route53Client(sdk(server, server.credentials))
    const cluster = await clusterApi(server, server.credentials).getCluster('demo')
    const { ListHostedZonesByNameCommand } = await import('@aws-sdk/client-route-53')
    const zones = await route53.send(
      new ListHostedZonesByNameCommand({ DNSName: `demo.${cluster.dns.base_domain}` }),
    )
    const zone = zones.HostedZones!.find((z) => z.Name === `demo.${cluster.dns.base_domain}.`)!
    assert.equal(zone.Config?.PrivateZone, true)
    const zoneId = zone.Id!.replace('/hostedzone/', '')
    const zoneTags = await route53.send(
      new ListTagsForResourceCommand({ ResourceType: 'hostedzone', ResourceId: zoneId }),
    )
    assert.ok(zoneTags.ResourceTagSet!.Tags!.some((t) => t.Key === tagKey()))
    const records = await route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId }))
    const names = records.ResourceRecordSets!.map((r) => r.Name)
    assert.ok(names.includes(`api.demo.${cluster.dns.base_domain}.`))
    assert.ok(names.includes(`api-int.demo.${cluster.dns.base_domain}.`))
    const iam = new IAMClient(sdk(server, server.credentials))
    const profile = await iam.send(
      new GetInstanceProfileCommand({ InstanceProfileName: `${infraId}-worker-profile` }),
    )
    assert.equal(profile.InstanceProfile!.Roles![0]!.RoleName, 'ManagedOpenShift-Worker-Role')
    assert.ok(profile.InstanceProfile!.Tags!.some((t) => t.Key === tagKey()))
    const s3 = new S3Client({ ...sdk(server, server.credentials), forcePathStyle: true })
    await assert.rejects(s3.send(new HeadBucketCommand({ Bucket: `${infraId}-bootstrap` })), {
      name: 'NotFound',
    })
    for (const c of [elbv2, elb, route53, iam, s3]) c.destroy()
  })

  it('shows in CloudTrail that the installer worked as an assumed-role session of the customer Installer role', async () => {
    await server.app.flushAudit()
    const trail = new CloudTrailClient(sdk(server, server.credentials))
    const events = await trail.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'RunInstances' }],
      }),
    )
    assert.ok((events.Events?.length ?? 0) >= 4, `${events.Events?.length} RunInstances events`)
    for (const event of events.Events!) {
      const detail = JSON.parse(event.CloudTrailEvent!)
      assert.equal(detail.userIdentity.type, 'AssumedRole')
      assert.match(detail.userIdentity.accessKeyId, /^ASIA/)
      assert.equal(
        detail.userIdentity.sessionContext.sessionIssuer.arn,
        `arn:aws:iam::${CUSTOMER}:role/ManagedOpenShift-Installer-Role`,
      )
    }
    const assumed = await trail.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'AssumeRole' }],
      }),
    )
    const intoInstaller = assumed
      .Events!.map((e) => JSON.parse(e.CloudTrailEvent!))
      .find(
        (d) =>
          d.requestParameters?.roleArn === `arn:aws:iam::${CUSTOMER}:role/ManagedOpenShift-Installer-Role`,
      )
    assert.equal(
      intoInstaller.userIdentity.sessionContext.sessionIssuer.arn,
      `arn:aws:iam::${DEFAULT_PROVIDER_ACCOUNT}:role/RH-Managed-OpenShift-Installer`,
    )
    trail.destroy()
  })

  it('the Worker role cannot do the installer work', async () => {
    const iam = new IAMClient(sdk(server, server.credentials))
    const answer = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: `arn:aws:iam::${CUSTOMER}:role/ManagedOpenShift-Worker-Role`,
        ActionNames: [
          'ec2:RunInstances',
          'ec2:CreateVpc',
          'elasticloadbalancing:CreateLoadBalancer',
          'ec2:DescribeInstances',
        ],
      }),
    )
    const decisions = Object.fromEntries(
      answer.EvaluationResults!.map((r) => [r.EvalActionName, r.EvalDecision]),
    )
    assert.deepEqual(decisions, {
      'ec2:RunInstances': 'implicitDeny',
      'ec2:CreateVpc': 'implicitDeny',
      'elasticloadbalancing:CreateLoadBalancer': 'implicitDeny',
      'ec2:DescribeInstances': 'allowed',
    })
    iam.destroy()
  })

  it('keeps the install log and the state, readable through the cluster API', async () => {
    const api = clusterApi(server, server.credentials)
    const log = await api.installLog('demo')
    assert.equal(log.state, 'ready')
    assert.match(log.content, /assumed arn:aws:iam::000000000000:role\/ManagedOpenShift-Installer-Role/)
    assert.match(log.content, /bootstrap torn down/)
    assert.match(log.content, /install complete/)
    const tail = await api.installLog('demo', log.next_offset)
    assert.equal(tail.content, '')
  })

  it('delete cluster: the uninstaller removes everything tagged for the cluster, then the cluster', async () => {
    const api = clusterApi(server, server.credentials)
    const deleting = await api.deleteCluster('demo')
    assert.equal(deleting.state, 'uninstalling')
    const lines: string[] = []
    await runUninstaller({
      endpoint: server.url,
      region: 'us-east-1',
      providerCredentials: provider,
      providerAccount: DEFAULT_PROVIDER_ACCOUNT,
      clusterId: deleting.id,
      echo: (l) => lines.push(l),
    })
    assert.ok(lines.includes('uninstall complete'), lines.join('\n'))
    const tagging = new ResourceGroupsTaggingAPIClient(sdk(server, server.credentials))
    const left = await tagging.send(
      new GetResourcesCommand({ TagFilters: [{ Key: tagKey(), Values: ['owned'] }] }),
    )
    const ec2 = new EC2Client(sdk(server, server.credentials))
    const instances = await ec2.send(new DescribeInstancesCommand({ Filters: owned() }))
    const live = instances
      .Reservations!.flatMap((r) => r.Instances ?? [])
      .filter((i) => i.State?.Name !== 'terminated')
    assert.deepEqual(
      live.map((i) => `${i.InstanceId} ${i.State?.Name}`),
      [],
    )
    // AWS: terminated instances and deleted NAT gateways stay visible (with their tags) for a while.
    const remaining = (left.ResourceTagMappingList ?? []).map((m) => m.ResourceARN!)
    const kept = remaining.filter((arn) => !/:(instance|volume|natgateway)\//.test(arn))
    assert.deepEqual(kept, [])
    const nats = await ec2.send(new DescribeNatGatewaysCommand({ Filter: owned() }))
    assert.deepEqual([...new Set(nats.NatGateways!.map((n) => n.State))], ['deleted'])
    const volumes = await ec2.send(new DescribeVolumesCommand({ Filters: owned() }))
    assert.deepEqual(
      volumes.Volumes!.filter((v) => v.State !== 'deleting' && v.State !== 'deleted'),
      [],
    )
    const iam = new IAMClient(sdk(server, server.credentials))
    await assert.rejects(
      iam.send(new GetInstanceProfileCommand({ InstanceProfileName: `${infraId}-master-profile` })),
      {
        name: 'NoSuchEntityException',
      },
    )
    await assert.rejects(api.getCluster('demo'), { name: 'CLUSTERS-MGMT-404' })
    for (const c of [tagging, ec2, iam]) c.destroy()
  })
})
