import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail'
import {
  DeleteVolumeCommand,
  DescribeInstancesCommand,
  DescribeNatGatewaysCommand,
  DescribeVolumesCommand,
  EC2Client,
} from '@aws-sdk/client-ec2'
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types'
import { runCreateCluster, runDeleteCluster } from '../../../src/cli/commands/rosa-cluster.js'
import {
  clusterOperatorInfo,
  runCreateVolume,
  runScale,
} from '../../../src/cli/commands/rosa-cluster-operators.js'
import { runRosaRevoke } from '../../../src/cli/commands/rosa-revoke.js'
import {
  DEFAULT_PROVIDER_ACCOUNT,
  openClusterOperators,
  openSupportSession,
} from '../../../src/rosa/index.js'
import { startTestServer, type TestServer } from '../start.js'
import { CUSTOMER, sdk } from './rosa-cluster-fixtures.js'
import { ec2As, OPERATOR_PREFIX, type Story, setUpStory, supportSessionOptions } from './story-fixtures.js'

/** A CloudTrail record, the fields this suite reads. */
interface Trail {
  readonly eventName: string
  readonly eventSource: string
  readonly errorCode?: string
  readonly userIdentity: {
    readonly type: string
    readonly arn?: string
    readonly accessKeyId?: string
    readonly sessionContext?: { readonly sessionIssuer?: { readonly arn?: string } }
  }
  readonly requestParameters?: { readonly roleArn?: string } | null
}

/** Every record LookupEvents answers to `credentials` (its account's trail). */
async function trailOf(
  server: TestServer,
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider,
): Promise<Trail[]> {
  const client = new CloudTrailClient({ ...sdk(server, server.credentials), credentials })
  const records: Trail[] = []
  let NextToken: string | undefined
  do {
    const page = await client.send(new LookupEventsCommand({ MaxResults: 50, NextToken }))
    for (const e of page.Events ?? []) records.push(JSON.parse(e.CloudTrailEvent!) as Trail)
    NextToken = page.NextToken
  } while (NextToken)
  client.destroy()
  return records
}

const PROVIDER_ROLES = new RegExp(`^arn:aws:iam::${DEFAULT_PROVIDER_ACCOUNT}:role/RH-`)
const CUSTOMER_WORK_ROLES = new RegExp(
  `^arn:aws:iam::${CUSTOMER}:role/(ManagedOpenShift-(Installer|Support)-Role|${OPERATOR_PREFIX}-.+)$`,
)

describe('e2e: the ROSA story — install, operators, scale, support session, revocation, delete — with temporary credentials only', () => {
  let server: TestServer
  let story: Story
  /** machine-api's session key from before its revocation. */
  let revokedMachineApiKey = ''
  const owned = () => [{ Name: `tag:kubernetes.io/cluster/${story.cluster.infra_id}`, Values: ['owned'] }]

  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
    story = await setUpStory(server, 'story')
  })
  after(() => server.stop())

  /** The cluster's workers that are pending or running, by Name tag. */
  async function liveWorkers(): Promise<string[]> {
    const ec2 = new EC2Client(sdk(server, server.credentials))
    const answer = await ec2.send(new DescribeInstancesCommand({ Filters: owned() }))
    ec2.destroy()
    return answer
      .Reservations!.flatMap((r) => r.Instances ?? [])
      .filter((i) => i.State?.Name === 'pending' || i.State?.Name === 'running')
      .map((i) => i.Tags?.find((t) => t.Key === 'Name')?.Value ?? '')
      .filter((name) => name.includes('-worker-'))
  }

  it('create cluster: the provider installs, then the operators act with their web-identity sessions', async () => {
    const lines: string[] = []
    const ready = await runCreateCluster(
      {
        output: 'text',
        clusterName: 'story',
        rolePrefix: 'ManagedOpenShift',
        operatorRolesPrefix: OPERATOR_PREFIX,
        oidcConfigId: story.oidc.id,
        version: '4.22',
      },
      (l) => lines.push(l),
      story.env,
    )
    assert.equal(ready.state, 'ready', lines.join('\n'))
    const operators = await clusterOperatorInfo({ cluster: 'story' }, story.env)
    // machine-api, image registry, EBS CSI, ingress and the cloud-credential operator, each available.
    assert.equal(operators.length, 5)
    assert.deepEqual(
      operators.filter((o) => o.condition !== 'available'),
      [],
    )
    assert.ok(operators.some((o) => o.name === 'machine-api'))
    assert.equal((await liveWorkers()).length, 2)
  })

  it('scale and create volume: machine-api follows the desired count, EBS CSI attaches a volume', async () => {
    await runScale({ cluster: 'story', computeNodes: '3' }, () => {}, story.env)
    assert.equal((await liveWorkers()).length, 3)
    const volume = await runCreateVolume({ cluster: 'story', size: '10' }, () => {}, story.env)
    assert.equal(volume.sizeGiB, 10)
  })

  it('revoke machine-api: its running session is denied at once, the operator recovers with a fresh exchange', async () => {
    const lines: string[] = []
    const operators = await openClusterOperators({
      endpoint: server.url,
      region: 'us-east-1',
      providerCredentials: story.provider,
      providerAccount: DEFAULT_PROVIDER_ACCOUNT,
      clusterId: story.cluster.id,
      echo: (l) => lines.push(l),
    })
    try {
      await operators.reconcile(['machine-api'])
      const before = operators.sessions().find((o) => o.name === 'machine-api')!
      await runRosaRevoke({ cluster: 'story', role: 'machine-api' }, story.env)
      const [result] = await operators.reconcile(['machine-api'])
      assert.equal(result!.condition, 'available', result!.reason)
      const after = operators.sessions().find((o) => o.name === 'machine-api')!
      assert.equal(after.assumed, before.assumed + 1, 'one new AssumeRoleWithWebIdentity')
      assert.notEqual(after.accessKeyId, before.accessKeyId)
      revokedMachineApiKey = before.accessKeyId!
    } finally {
      await operators.stop()
    }
  })

  it('support session: diagnoses, cannot delete a volume, and is cut by revoke while a new one works', async () => {
    const options = supportSessionOptions(server, story, 'sre')
    const support = ec2As(server, (await openSupportSession(options)).credentials)
    const volumes = await support.send(new DescribeVolumesCommand({ Filters: owned() }))
    const volumeId = volumes.Volumes![0]!.VolumeId!
    await assert.rejects(support.send(new DeleteVolumeCommand({ VolumeId: volumeId })), {
      name: 'UnauthorizedOperation',
      message: /because no identity-based policy allows the ec2:DeleteVolume action/,
    })
    await runRosaRevoke({ cluster: 'story', role: 'support' }, story.env)
    await assert.rejects(support.send(new DescribeVolumesCommand({})), { name: 'UnauthorizedOperation' })
    const fresh = ec2As(server, (await openSupportSession(options)).credentials)
    await fresh.send(new DescribeVolumesCommand({}))
    support.destroy()
    fresh.destroy()
  })

  it('revoke installer, then delete cluster: the uninstaller works with a fresh session and removes everything tagged', async () => {
    await runRosaRevoke({ cluster: 'story', role: 'installer' }, story.env)
    const lines: string[] = []
    const gone = await runDeleteCluster(
      { cluster: 'story', providerAccount: DEFAULT_PROVIDER_ACCOUNT },
      (l) => lines.push(l),
      story.env,
    )
    assert.equal(gone.state, 'uninstalled', lines.join('\n'))
    const ec2 = new EC2Client(sdk(server, server.credentials))
    const instances = (await ec2.send(new DescribeInstancesCommand({ Filters: owned() })))
      .Reservations!.flatMap((r) => r.Instances ?? [])
      .filter((i) => i.State?.Name !== 'terminated')
    assert.deepEqual(instances, [])
    const volumes = (await ec2.send(new DescribeVolumesCommand({ Filters: owned() }))).Volumes!
    assert.deepEqual(
      volumes.filter((v) => v.State !== 'deleting' && v.State !== 'deleted'),
      [],
    )
    const nats = (await ec2.send(new DescribeNatGatewaysCommand({ Filter: owned() }))).NatGateways!
    assert.ok(nats.every((n) => n.State === 'deleted'))
    const tagging = new ResourceGroupsTaggingAPIClient(sdk(server, server.credentials))
    const left = await tagging.send(
      new GetResourcesCommand({
        TagFilters: [{ Key: `kubernetes.io/cluster/${story.cluster.infra_id}`, Values: ['owned'] }],
      }),
    )
    // AWS: terminated instances, deleted volumes and deleted NAT gateways stay visible (with their tags) a while.
    const kept = (left.ResourceTagMappingList ?? [])
      .map((m) => m.ResourceARN!)
      .filter((arn) => !/:(instance|volume|natgateway)\//.test(arn))
    assert.deepEqual(kept, [])
    ec2.destroy()
    tagging.destroy()
  })

  it('the audit trail: the provider and the cluster roles used only ASIA session keys; the provider started from web identity, AKIA keys only set up', async () => {
    await server.app.flushAudit()
    const customer = await trailOf(server, server.credentials)
    const provider = await trailOf(server, story.providerAdmin)
    const all = [...customer, ...provider]
    const sessionCalls = all.filter((r) => {
      const issuer = r.userIdentity.sessionContext?.sessionIssuer?.arn ?? ''
      return PROVIDER_ROLES.test(issuer) || CUSTOMER_WORK_ROLES.test(issuer)
    })
    assert.ok(sessionCalls.length > 100, `${sessionCalls.length} calls by the provider and the cluster roles`)
    assert.deepEqual(
      sessionCalls.filter((r) => !r.userIdentity.accessKeyId?.startsWith('ASIA')),
      [],
    )
    // The operators worked as their own roles: machine-api's RunInstances carry its role's session.
    const machineApi = new RegExp(`^arn:aws:iam::${CUSTOMER}:role/${OPERATOR_PREFIX}-openshift-machine-api-`)
    const workerLaunches = sessionCalls.filter(
      (r) =>
        r.eventName === 'RunInstances' && machineApi.test(r.userIdentity.sessionContext!.sessionIssuer!.arn!),
    )
    assert.ok(workerLaunches.length >= 3, `${workerLaunches.length} RunInstances by machine-api`)
    // Its session from before the revocation was refused (explicit deny) on its next call.
    const refused = sessionCalls.filter(
      (r) => r.userIdentity.accessKeyId === revokedMachineApiKey && r.errorCode,
    )
    assert.ok(refused.length >= 1, 'the revoked machine-api session was refused')
    // Every AssumeRole into a customer role the provider works with came from a provider role's session.
    const intoCustomer = all.filter(
      (r) => r.eventName === 'AssumeRole' && CUSTOMER_WORK_ROLES.test(r.requestParameters?.roleArn ?? ''),
    )
    assert.ok(intoCustomer.length >= 4, `${intoCustomer.length} AssumeRole calls into customer roles`)
    for (const r of intoCustomer) {
      assert.equal(r.userIdentity.type, 'AssumedRole')
      assert.match(r.userIdentity.accessKeyId!, /^ASIA/)
      assert.match(r.userIdentity.sessionContext!.sessionIssuer!.arn!, PROVIDER_ROLES)
    }
    // The provider's services started from web identity: every AssumeRole into a provider role came from
    // RH-Managed-OpenShift-Platform's session, which AssumeRoleWithWebIdentity issued (no key signs that call).
    const intoProvider = all.filter(
      (r) => r.eventName === 'AssumeRole' && PROVIDER_ROLES.test(r.requestParameters?.roleArn ?? ''),
    )
    assert.ok(intoProvider.length >= 4, `${intoProvider.length} AssumeRole calls into provider roles`)
    for (const r of intoProvider)
      assert.equal(
        r.userIdentity.sessionContext?.sessionIssuer?.arn,
        `arn:aws:iam::${DEFAULT_PROVIDER_ACCOUNT}:role/RH-Managed-OpenShift-Platform`,
      )
    const platform = all.filter(
      (r) =>
        r.eventName === 'AssumeRoleWithWebIdentity' &&
        r.requestParameters?.roleArn?.endsWith(':role/RH-Managed-OpenShift-Platform'),
    )
    assert.ok(platform.length >= 1)
    assert.ok(platform.every((r) => r.userIdentity.accessKeyId === undefined && r.errorCode === undefined))
    // The long-term keys: the customer admin (set-up, revoke, delete) and the provider admin, whose key only set
    // the provider up (rosa init) and never assumed a role.
    const longTerm = all.filter((r) => r.userIdentity.accessKeyId?.startsWith('AKIA'))
    const owners = new Set(longTerm.map((r) => r.userIdentity.arn))
    assert.deepEqual([...owners].map((arn) => arn?.replace(/user\/.*/, 'user/')).sort(), [
      `arn:aws:iam::${CUSTOMER}:user/`,
      `arn:aws:iam::${DEFAULT_PROVIDER_ACCOUNT}:user/`,
    ])
    const providerKeyCalls = longTerm
      .filter((r) => r.userIdentity.arn?.includes(`::${DEFAULT_PROVIDER_ACCOUNT}:`))
      .map((r) => `${r.eventSource.split('.')[0]}:${r.eventName}`)
    assert.ok(providerKeyCalls.includes('iam:CreateRole'))
    assert.deepEqual(
      providerKeyCalls.filter((a) => a.startsWith('sts:AssumeRole')),
      [],
    )
  })
})
