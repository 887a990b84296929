import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  CreateVolumeCommand,
  DeleteVolumeCommand,
  DescribeVolumesCommand,
  EC2Client,
} from '@aws-sdk/client-ec2'
import { IAMClient } from '@aws-sdk/client-iam'
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'
import { ClusterApiError, type ClusterDocument } from '../../../src/rosa/cluster-api.js'
import { recordCluster, validateAccountRoles } from '../../../src/rosa/cluster-create.js'
import { DEFAULT_PROVIDER_ACCOUNT } from '../../../src/rosa/cluster-provider.js'
import { openSupportSession } from '../../../src/rosa/cluster-support.js'
import { startTestServer, type TestServer } from '../start.js'
import { createUser, policy } from '../sts/sts-fixtures.js'
import {
  CUSTOMER,
  clusterApi,
  createAccountRoles,
  initProvider,
  type Keys,
  sdk,
} from './rosa-cluster-fixtures.js'

const rejectsWith = (call: Promise<unknown>, status: number, code: string, message: string | RegExp) =>
  assert.rejects(call, (error: ClusterApiError) => {
    assert.ok(error instanceof ClusterApiError)
    assert.equal(error.status, status)
    assert.equal(error.code, code)
    if (typeof message === 'string') assert.equal(error.message, message)
    else assert.match(error.message, message)
    return true
  })

describe('e2e: the cluster service — SigV4 callers, the policy engine, the cluster resource policy', () => {
  let server: TestServer
  let provider: Keys
  let cluster: ClusterDocument
  const arn = `arn:aws:clusters:us-east-1:${CUSTOMER}:cluster/api`

  const providerRole = async (role: string): Promise<Keys & { sessionToken: string }> => {
    const sts = new STSClient(sdk(server, provider))
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${DEFAULT_PROVIDER_ACCOUNT}:role/${role}`,
        RoleSessionName: 'test',
      }),
    )
    sts.destroy()
    const c = out.Credentials!
    return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! }
  }

  before(async () => {
    server = await startTestServer()
    provider = await initProvider(server)
    await createAccountRoles(server, 'ManagedOpenShift', 'ext-9')
    const iam = new IAMClient(sdk(server, server.credentials))
    const roles = await validateAccountRoles(iam, 'ManagedOpenShift', '4.22')
    iam.destroy()
    cluster = await recordCluster(
      clusterApi(server, server.credentials),
      { name: 'api', prefix: 'ManagedOpenShift', version: '4.22', multiAz: false, region: 'us-east-1' },
      roles,
    )
  })
  after(() => server.stop())

  it('answers the cluster by name and by id, lists it, and refuses a second cluster of that name', async () => {
    const api = clusterApi(server, server.credentials)
    assert.equal((await api.getCluster('api')).id, cluster.id)
    assert.equal((await api.getCluster(cluster.id)).name, 'api')
    assert.deepEqual(
      (await api.listClusters()).map((c) => c.name),
      ['api'],
    )
    assert.match(cluster.infra_id, /^api-[a-z2-7]{5}$/)
    await rejectsWith(
      api.createCluster({ name: 'api', aws: { sts: { role_arn: cluster.aws.sts.role_arn } } }),
      400,
      'CLUSTERS-MGMT-400',
      "Cluster name 'api' already exists",
    )
  })

  it('validates the request: name pattern, role ARNs of the caller account, unknown clusters', async () => {
    const api = clusterApi(server, server.credentials)
    await rejectsWith(
      api.createCluster({ name: 'Bad_Name', aws: { sts: { role_arn: cluster.aws.sts.role_arn } } }),
      400,
      'ValidationException',
      /Bad_Name/,
    )
    await rejectsWith(
      api.createCluster({ name: 'other', aws: { sts: { role_arn: 'arn:aws:iam::111122223333:role/X' } } }),
      400,
      'CLUSTERS-MGMT-400',
      "Role ARN 'arn:aws:iam::111122223333:role/X' is not a role of AWS account '000000000000'",
    )
    await rejectsWith(api.getCluster('nope'), 404, 'CLUSTERS-MGMT-404', "Cluster 'nope' not found")
  })

  it('authorizes customer callers through their identity policies', async () => {
    const reader = await createUser(server.app.store, 'reader', [
      policy({ Effect: 'Allow', Action: 'clusters:GetCluster', Resource: arn }),
    ])
    const api = clusterApi(server, reader)
    assert.equal((await api.getCluster('api')).id, cluster.id)
    await rejectsWith(
      api.installLog('api'),
      403,
      'AccessDenied',
      `User: arn:aws:iam::${CUSTOMER}:user/reader is not authorized to perform: clusters:GetClusterInstallLogs on resource: ${arn}`,
    )
    await rejectsWith(api.listClusters(), 403, 'AccessDenied', /clusters:ListClusters/)
  })

  it('lets the provider installer role reach the cluster by id through the resource policy, and nothing else', async () => {
    const installer = clusterApi(server, await providerRole('RH-Managed-OpenShift-Installer'))
    assert.equal((await installer.getCluster(cluster.id)).name, 'api')
    await installer.updateStatus(cluster.id, { log: ['hello from the provider'] })
    assert.match(
      (await clusterApi(server, server.credentials).installLog('api')).content,
      /hello from the provider/,
    )
    const support = clusterApi(server, await providerRole('RH-Technical-Support-Access'))
    assert.equal((await support.getCluster(cluster.id)).name, 'api')
    await rejectsWith(
      support.updateStatus(cluster.id, { log: ['x'] }),
      403,
      'AccessDenied',
      /UpdateClusterStatus/,
    )
    const admin = clusterApi(server, provider)
    await rejectsWith(
      admin.updateStatus(cluster.id, { state: 'ready' }),
      403,
      'AccessDenied',
      /UpdateClusterStatus/,
    )
    assert.equal((await clusterApi(server, server.credentials).getCluster('api')).state, 'pending')
  })

  it('the provider installer needs the ExternalId to assume the customer Installer role', async () => {
    const sts = new STSClient(sdk(server, await providerRole('RH-Managed-OpenShift-Installer')))
    const RoleArn = cluster.aws.sts.role_arn
    await assert.rejects(sts.send(new AssumeRoleCommand({ RoleArn, RoleSessionName: 'ocm' })), {
      name: 'AccessDenied',
    })
    const ok = await sts.send(new AssumeRoleCommand({ RoleArn, RoleSessionName: 'ocm', ExternalId: 'ext-9' }))
    assert.match(ok.Credentials!.AccessKeyId!, /^ASIA/)
    sts.destroy()
  })

  it('support-session: the provider support role assumes the customer Support role, can diagnose, cannot delete a volume', async () => {
    const admin = new EC2Client(sdk(server, server.credentials))
    const volume = await admin.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 10 }))
    const session = await openSupportSession({
      endpoint: server.url,
      region: 'us-east-1',
      providerCredentials: provider,
      providerAccount: DEFAULT_PROVIDER_ACCOUNT,
      clusterId: cluster.id,
      engineer: 'jane@example.com',
    })
    assert.equal(session.roleArn, `arn:aws:iam::${CUSTOMER}:role/ManagedOpenShift-Support-Role`)
    assert.match(session.credentials.accessKeyId, /^ASIA/)
    const ec2 = new EC2Client(sdk(server, session.credentials))
    const seen = await ec2.send(new DescribeVolumesCommand({ VolumeIds: [volume.VolumeId!] }))
    assert.equal(seen.Volumes?.length, 1)
    await assert.rejects(
      ec2.send(new DeleteVolumeCommand({ VolumeId: volume.VolumeId! })),
      (error: Error) => {
        assert.equal(error.name, 'UnauthorizedOperation')
        assert.match(error.message, /^You are not authorized to perform this operation\./)
        return true
      },
    )
    for (const c of [ec2, admin]) c.destroy()
  })
})
