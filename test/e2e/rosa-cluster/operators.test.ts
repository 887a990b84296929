import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail'
import {
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  EC2Client,
  type Instance,
} from '@aws-sdk/client-ec2'
import {
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing'
import { IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam'
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api'
import {
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53'
import {
  GetBucketTaggingCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3'
import { runDeleteCluster, runDescribeCluster } from '../../../src/cli/commands/rosa-cluster.js'
import { runCreateVolume, runScale } from '../../../src/cli/commands/rosa-cluster-operators.js'
import {
  type ClusterOperators,
  type OperatorResult,
  openClusterOperators,
} from '../../../src/rosa/operators/index.js'
import { startTestServer, type TestServer } from '../start.js'
import { installedCluster, type OperatorCluster } from './operators-fixtures.js'
import { CUSTOMER, clusterApi, sdk } from './rosa-cluster-fixtures.js'

const ROLES: Record<string, string> = {
  'cloud-credential': 'openshift-cloud-credential-operator-cloud-credential-operator-iam-ro-creds',
  'machine-api': 'openshift-machine-api-aws-cloud-credentials',
  'image-registry': 'openshift-image-registry-installer-cloud-credentials',
  ingress: 'openshift-ingress-operator-cloud-credentials',
  'ebs-csi': 'openshift-cluster-csi-drivers-ebs-cloud-credentials',
}

/** The CloudTrail event fields the audit test reads. */
interface TrailEvent {
  readonly eventName: string
  readonly requestParameters?: { readonly roleArn?: string }
  readonly userIdentity?: {
    readonly type?: string
    readonly accessKeyId?: string
    readonly sessionContext?: { readonly sessionIssuer?: { readonly arn?: string } }
  }
}

/** The operator role of an operator: `<prefix>-<namespace>-<secret>`, cut to IAM's 64 characters. */
const roleArn = (name: string): string =>
  `arn:aws:iam::${CUSTOMER}:role/${`ops-ops-${ROLES[name]}`.slice(0, 64)}`

describe('e2e: the cluster operators work only with web-identity sessions of their roles', () => {
  let server: TestServer
  let oc: OperatorCluster
  let operators: ClusterOperators
  let first: readonly OperatorResult[]
  let ec2: EC2Client
  const lines: string[] = []
  const infra = () => oc.cluster.infra_id
  const domain = () => `${oc.cluster.name}.${oc.cluster.dns.base_domain}`
  const quiet = (): void => {}

  const liveWorkers = async (): Promise<Instance[]> => {
    const found = await ec2.send(
      new DescribeInstancesCommand({
        Filters: [
          { Name: `tag:kubernetes.io/cluster/${infra()}`, Values: ['owned'] },
          { Name: 'instance-state-name', Values: ['pending', 'running'] },
        ],
      }),
    )
    return found
      .Reservations!.flatMap((r) => r.Instances ?? [])
      .filter((i) => i.Tags?.some((t) => t.Key === 'Name' && t.Value?.startsWith(`${infra()}-worker-`)))
  }

  before(async () => {
    server = await startTestServer()
    oc = await installedCluster(server, 'ops')
    ec2 = new EC2Client(sdk(server, server.credentials))
    operators = await openClusterOperators({ ...oc.host, echo: (l) => lines.push(l) })
    first = await operators.reconcile()
  })
  after(async () => {
    await operators?.stop()
    ec2?.destroy()
    await server?.stop()
  })

  it('every operator reconciles, each with its own role assumed through AssumeRoleWithWebIdentity', () => {
    assert.deepEqual(
      first.map((r) => [r.name, r.condition]),
      Object.keys(ROLES).map((name) => [name, 'available']),
      lines.join('\n'),
    )
    for (const s of operators.sessions()) {
      assert.equal(s.roleArn, roleArn(s.name))
      assert.equal(s.assumed, 1, s.name)
      assert.match(s.accessKeyId ?? '', /^ASIA/)
    }
  })

  it('machine-api launched the desired workers with the Worker instance profile and the infra-id tag', async () => {
    const workers = await liveWorkers()
    assert.equal(workers.length, 2)
    for (const w of workers) {
      assert.match(
        w.IamInstanceProfile?.Arn ?? '',
        new RegExp(`:instance-profile/${infra()}-worker-profile$`),
      )
      assert.equal(w.InstanceType, 'm5.xlarge')
    }
  })

  it('the image registry created its bucket, tagged for the cluster, and stored a blob', async () => {
    const s3 = new S3Client({ ...sdk(server, server.credentials), forcePathStyle: true })
    const Bucket = `${infra()}-image-registry-us-east-1`
    const tags = await s3.send(new GetBucketTaggingCommand({ Bucket }))
    assert.ok(tags.TagSet!.some((t) => t.Key === `kubernetes.io/cluster/${infra()}` && t.Value === 'owned'))
    const objects = await s3.send(new ListObjectsV2Command({ Bucket }))
    assert.equal(objects.KeyCount, 1)
    assert.match(
      objects.Contents![0]!.Key!,
      /^docker\/registry\/v2\/blobs\/sha256\/[0-9a-f]{2}\/[0-9a-f]{64}\/data$/,
    )
    s3.destroy()
  })

  it('ingress published *.apps as an alias of the router load balancer', async () => {
    const route53 = new Route53Client(sdk(server, server.credentials))
    const elb = new ElasticLoadBalancingClient(sdk(server, server.credentials))
    const zones = await route53.send(new ListHostedZonesByNameCommand({ DNSName: domain() }))
    const zone = zones.HostedZones!.find((z) => z.Name === `${domain()}.`)!
    const records = await route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: zone.Id! }))
    // AWS: Route 53 answers a leading `*` as the octal escape \052.
    const apps = records.ResourceRecordSets!.find((r) => r.Name === `\\052.apps.${domain()}.`)
    const router = await elb.send(new DescribeLoadBalancersCommand({ LoadBalancerNames: [`${infra()}-ing`] }))
    assert.equal(apps?.Type, 'A')
    assert.equal(apps?.AliasTarget?.DNSName, `${router.LoadBalancerDescriptions![0]!.DNSName}.`)
    route53.destroy()
    elb.destroy()
  })

  it('create volume: the EBS CSI operator creates a volume and attaches it to a running worker', async () => {
    const volume = await runCreateVolume({ cluster: 'ops', size: '10', output: 'text' }, quiet, oc.env)
    const described = await ec2.send(new DescribeVolumesCommand({ VolumeIds: [volume.volumeId] }))
    const v = described.Volumes![0]!
    assert.equal(v.Size, 10)
    assert.equal(v.VolumeType, 'gp3')
    assert.equal(v.State, 'in-use')
    assert.equal(v.Attachments![0]!.InstanceId, volume.instanceId)
    assert.ok(v.Tags!.some((t) => t.Key === `kubernetes.io/cluster/${infra()}`))
    const workers = (await liveWorkers()).map((w) => w.InstanceId)
    assert.ok(workers.includes(volume.instanceId))
    await assert.rejects(runCreateVolume({ cluster: 'ops', size: '0', output: 'text' }, quiet, oc.env), {
      message: '--size must be an integer number of GiB from 1 to 16384',
    })
  })

  it('scale: the desired count goes through the cluster service and machine-api follows it up and down', async () => {
    const original = (await liveWorkers()).map((w) => w.InstanceId!).sort()
    const up = await runScale({ cluster: 'ops', computeNodes: '4', output: 'text' }, quiet, oc.env)
    assert.equal(up.computeNodes, 4)
    assert.equal(up.machineApi.condition, 'available')
    assert.equal((await liveWorkers()).length, 4)
    const down = await runScale({ cluster: 'ops', computeNodes: '2', output: 'text' }, quiet, oc.env)
    assert.equal(down.computeNodes, 2)
    // The newest workers go first: the two launched at install time stay.
    assert.deepEqual((await liveWorkers()).map((w) => w.InstanceId!).sort(), original)
    await assert.rejects(runScale({ cluster: 'ops', computeNodes: '1', output: 'text' }, quiet, oc.env), {
      name: 'CLUSTERS-MGMT-400',
      message: 'The number of compute nodes needs to be at least 2, got 1',
    })
    await assert.rejects(runScale({ cluster: 'ops', computeNodes: 'two', output: 'text' }, quiet, oc.env), {
      message: '--compute-nodes must be an integer',
    })
  })

  it('the cluster service shows each operator condition and the operators log lines', async () => {
    const api = clusterApi(server, server.credentials)
    const info = await api.clusterOperators('ops')
    assert.deepEqual(
      info.map((o) => [o.name, o.condition]),
      Object.keys(ROLES)
        .sort()
        .map((name) => [name, 'available']),
    )
    const described = await runDescribeCluster({ cluster: 'ops', output: 'text' }, oc.env)
    assert.equal(described.nodes.compute, 2)
    assert.deepEqual(
      described.operators.map((o) => o.name),
      info.map((o) => o.name),
    )
    const log = (await api.installLog('ops')).content
    // create cluster ran the first reconcile right after the install.
    assert.match(log, /install complete\n.*operator machine-api: launched worker/)
    assert.match(log, /operator ebs-csi: attached volume vol-/)
    assert.match(log, /compute nodes: 2 -> 4/)
  })

  it('renews a session before it expires: a new AssumeRoleWithWebIdentity, a new key', async () => {
    // 900 s sessions renewed 899.5 s early: each is stale half a second after it was issued.
    const short = await openClusterOperators({ ...oc.host, sessionSeconds: 900, refreshBeforeMs: 899_500 })
    try {
      const [one] = await short.reconcile(['cloud-credential'])
      const firstKey = short.sessions().find((s) => s.name === 'cloud-credential')!.accessKeyId
      await new Promise((resolve) => setTimeout(resolve, 700))
      const [two] = await short.reconcile(['cloud-credential'])
      const session = short.sessions().find((s) => s.name === 'cloud-credential')!
      assert.equal(one?.condition, 'available')
      assert.equal(two?.condition, 'available')
      assert.ok(session.assumed >= 2, `${session.assumed} sessions`)
      assert.notEqual(session.accessKeyId, firstKey)
      assert.match(session.accessKeyId ?? '', /^ASIA/)
    } finally {
      await short.stop()
    }
  })

  it('a revoked session is reported as AccessDenied, and the operator recovers with a new session', async () => {
    const iam = new IAMClient(sdk(server, server.credentials))
    const role = roleArn('machine-api').split('/').pop()!
    const before = operators.sessions().find((s) => s.name === 'machine-api')!
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: role,
        PolicyName: 'AWSRevokeOlderSessions',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Action: ['*'],
              Resource: ['*'],
              Condition: { DateLessThan: { 'aws:TokenIssueTime': new Date().toISOString() } },
            },
          ],
        }),
      }),
    )
    // aws:TokenIssueTime has second precision: the next session must be issued in a later second.
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const [result] = await operators.reconcile(['machine-api'])
    assert.equal(result?.condition, 'available')
    const after = operators.sessions().find((s) => s.name === 'machine-api')!
    assert.equal(after.assumed, before.assumed + 1)
    assert.notEqual(after.accessKeyId, before.accessKeyId)
    const log = (await clusterApi(server, server.credentials).installLog('ops')).content
    assert.match(log, /operator machine-api: UnauthorizedOperation: .*; retrying with new credentials/)
    iam.destroy()
  })

  it('the audit trail: the operator roles were reached only by AssumeRoleWithWebIdentity, used only with ASIA keys', async () => {
    await server.app.flushAudit()
    const trail = new CloudTrailClient(sdk(server, server.credentials))
    const events: TrailEvent[] = []
    let NextToken: string | undefined
    do {
      const page = await trail.send(
        new LookupEventsCommand({ MaxResults: 50, ...(NextToken ? { NextToken } : {}) }),
      )
      events.push(...page.Events!.map((e) => JSON.parse(e.CloudTrailEvent!)))
      NextToken = page.NextToken
    } while (NextToken)
    trail.destroy()
    const roles = new Set(Object.keys(ROLES).map(roleArn))
    const intoRoles = events.filter((e) => roles.has(e.requestParameters?.roleArn ?? ''))
    assert.deepEqual([...new Set(intoRoles.map((e) => e.eventName))], ['AssumeRoleWithWebIdentity'])
    assert.deepEqual(new Set(intoRoles.map((e) => e.requestParameters?.roleArn)), roles)
    const used = events.filter((e) => roles.has(e.userIdentity?.sessionContext?.sessionIssuer?.arn ?? ''))
    assert.ok(used.length > 10, `${used.length} calls as operator roles`)
    for (const e of used) {
      assert.equal(e.userIdentity?.type, 'AssumedRole')
      assert.match(
        e.userIdentity?.accessKeyId ?? '',
        /^ASIA/,
        `${e.eventName} with ${e.userIdentity?.accessKeyId}`,
      )
    }
    const by = (name: string) =>
      used.filter((e) => e.userIdentity?.sessionContext?.sessionIssuer?.arn === roleArn(name))
    assert.ok(by('machine-api').some((e) => e.eventName === 'RunInstances'))
    assert.ok(by('machine-api').some((e) => e.eventName === 'TerminateInstances'))
    assert.ok(by('ebs-csi').some((e) => e.eventName === 'AttachVolume'))
    assert.ok(by('image-registry').some((e) => e.eventName === 'CreateBucket'))
    assert.ok(by('ingress').some((e) => e.eventName === 'ChangeResourceRecordSets'))
    assert.ok(by('cloud-credential').some((e) => e.eventName === 'GetUser'))
  })

  it('start runs the reconcile loop until stop', async () => {
    const api = clusterApi(server, server.credentials)
    const time = async () => (await api.clusterOperators('ops')).find((o) => o.name === 'ingress')!.time!
    const before = await time()
    operators.start(50)
    const deadline = Date.now() + 10_000
    while ((await time()) === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    await operators.stop()
    assert.ok((await time()) > before, 'the loop reconciled again')
  })

  it('delete cluster removes the workers, the volumes, the registry bucket and the *.apps records', async () => {
    await operators.stop()
    await runDeleteCluster({ cluster: 'ops', output: 'text' }, quiet, oc.env)
    assert.deepEqual(await liveWorkers(), [])
    const volumes = await ec2.send(
      new DescribeVolumesCommand({
        Filters: [{ Name: `tag:kubernetes.io/cluster/${infra()}`, Values: ['owned'] }],
      }),
    )
    assert.deepEqual(
      volumes.Volumes!.filter((v) => v.State !== 'deleting' && v.State !== 'deleted').map((v) => v.VolumeId),
      [],
    )
    const s3 = new S3Client({ ...sdk(server, server.credentials), forcePathStyle: true })
    await assert.rejects(s3.send(new HeadBucketCommand({ Bucket: `${infra()}-image-registry-us-east-1` })), {
      name: 'NotFound',
    })
    s3.destroy()
    const route53 = new Route53Client(sdk(server, server.credentials))
    const zones = await route53.send(new ListHostedZonesByNameCommand({ DNSName: domain() }))
    assert.deepEqual(
      zones.HostedZones!.filter((z) => z.Name === `${domain()}.`),
      [],
    )
    route53.destroy()
    const tagging = new ResourceGroupsTaggingAPIClient(sdk(server, server.credentials))
    const left = await tagging.send(
      new GetResourcesCommand({
        TagFilters: [{ Key: `kubernetes.io/cluster/${infra()}`, Values: ['owned'] }],
      }),
    )
    tagging.destroy()
    // AWS: terminated instances, deleted volumes and NAT gateways stay visible (with their tags) for a while.
    const kept = left
      .ResourceTagMappingList!.map((m) => m.ResourceARN!)
      .filter((arn) => !/:(instance|volume|natgateway)\//.test(arn))
    assert.deepEqual(kept, [])
  })
})
