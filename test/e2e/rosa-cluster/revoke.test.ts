import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { DescribeInstancesCommand, DescribeVolumesCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2'
import { GetRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam'
import { runRosaRevoke } from '../../../src/cli/commands/rosa-revoke.js'
import {
  DEFAULT_PROVIDER_ACCOUNT,
  openSupportSession,
  PROVIDER_INSTALLER_ROLE_NAME,
} from '../../../src/rosa/index.js'
import { startTestServer, type TestServer } from '../start.js'
import { CUSTOMER, sdk } from './rosa-cluster-fixtures.js'
import {
  assume,
  assumeWithWebIdentity,
  ec2As,
  OPERATOR_PREFIX,
  type Story,
  serviceAccountToken,
  setUpStory,
  supportSessionOptions,
} from './story-fixtures.js'

const MACHINE_API_ROLE = `arn:aws:iam::${CUSTOMER}:role/${OPERATOR_PREFIX}-openshift-machine-api-aws-cloud-credentials`
const INGRESS_ROLE = `arn:aws:iam::${CUSTOMER}:role/${OPERATOR_PREFIX}-openshift-ingress-operator-cloud-credentials`

/** The answer EC2 gives a session whose role carries AWSRevokeOlderSessions, for the action `action`. */
const explicitlyDenied = (action: string) => ({
  name: 'UnauthorizedOperation',
  message: new RegExp(
    `not authorized to perform: ${action}.* with an explicit deny in an identity-based policy`,
  ),
})

describe('e2e: lanyard rosa revoke -c NAME --role installer|support|<operator>', () => {
  let server: TestServer
  let story: Story

  before(async () => {
    server = await startTestServer()
    story = await setUpStory(server, 'revoke')
  })
  after(() => server.stop())

  /** The provider's installer session in the customer's Installer role, as the installer gets it. */
  async function installerSession() {
    const provider = await assume(
      server,
      story.provider,
      `arn:aws:iam::${DEFAULT_PROVIDER_ACCOUNT}:role/${PROVIDER_INSTALLER_ROLE_NAME}`,
      'installer',
    )
    return assume(server, provider, story.cluster.aws.sts.role_arn, 'OCM-installer')
  }

  it('installer: the earlier session is denied at once, a fresh one works, and the policy is AWSRevokeOlderSessions', async () => {
    const before = ec2As(server, await installerSession())
    await before.send(new DescribeVpcsCommand({}))
    const revoked = await runRosaRevoke({ cluster: 'revoke', role: 'installer' }, story.env)
    assert.equal(revoked.roleArn, `arn:aws:iam::${CUSTOMER}:role/ManagedOpenShift-Installer-Role`)
    await assert.rejects(before.send(new DescribeVpcsCommand({})), explicitlyDenied('ec2:DescribeVpcs'))
    const fresh = ec2As(server, await installerSession())
    await fresh.send(new DescribeVpcsCommand({}))
    const iam = new IAMClient(sdk(server, server.credentials))
    const policy = await iam.send(
      new GetRolePolicyCommand({
        RoleName: 'ManagedOpenShift-Installer-Role',
        PolicyName: 'AWSRevokeOlderSessions',
      }),
    )
    const document = JSON.parse(decodeURIComponent(policy.PolicyDocument!))
    assert.deepEqual(document.Statement[0].Condition, {
      DateLessThan: { 'aws:TokenIssueTime': revoked.revokedBefore },
    })
    for (const c of [before, fresh, iam]) c.destroy()
  })

  it('support: an open support session is cut, a new support session can diagnose again', async () => {
    const options = supportSessionOptions(server, story, 'sre')
    const open = ec2As(server, (await openSupportSession(options)).credentials)
    await open.send(new DescribeVolumesCommand({}))
    const revoked = await runRosaRevoke({ cluster: story.cluster.id, role: 'support' }, story.env)
    assert.equal(revoked.roleName, 'ManagedOpenShift-Support-Role')
    await assert.rejects(open.send(new DescribeVolumesCommand({})), explicitlyDenied('ec2:DescribeVolumes'))
    const again = ec2As(server, (await openSupportSession(options)).credentials)
    await again.send(new DescribeVolumesCommand({}))
    open.destroy()
    again.destroy()
  })

  it('operator: machine-api is cut and recovers with a fresh web-identity exchange; ingress is untouched', async () => {
    const machineToken = await serviceAccountToken(
      server,
      story,
      'system:serviceaccount:openshift-machine-api:machine-api-controllers',
    )
    const ingressToken = await serviceAccountToken(
      server,
      story,
      'system:serviceaccount:openshift-ingress-operator:ingress-operator',
    )
    const machine = ec2As(server, await assumeWithWebIdentity(server, MACHINE_API_ROLE, machineToken))
    const ingress = await assumeWithWebIdentity(server, INGRESS_ROLE, ingressToken)
    await machine.send(new DescribeInstancesCommand({}))
    const revoked = await runRosaRevoke({ cluster: 'revoke', role: 'machine-api' }, story.env)
    assert.equal(revoked.roleArn, MACHINE_API_ROLE)
    await assert.rejects(
      machine.send(new DescribeInstancesCommand({})),
      explicitlyDenied('ec2:DescribeInstances'),
    )
    // The same token, exchanged again, gives a session issued after the revocation.
    const recovered = ec2As(server, await assumeWithWebIdentity(server, MACHINE_API_ROLE, machineToken))
    await recovered.send(new DescribeInstancesCommand({}))
    const elb = await import('@aws-sdk/client-elastic-load-balancing-v2')
    const lb = new elb.ElasticLoadBalancingV2Client({
      ...sdk(server, server.credentials),
      credentials: ingress,
    })
    await lb.send(new elb.DescribeLoadBalancersCommand({}))
    for (const c of [machine, recovered, lb]) c.destroy()
  })

  it('names the roles it knows when --role is none of them', async () => {
    await assert.rejects(runRosaRevoke({ cluster: 'revoke', role: 'etcd' }, story.env), {
      message:
        "--role 'etcd' is not one of installer, support, ingress, ebs-csi, cloud-network-config, machine-api, cloud-credential, image-registry",
    })
  })
})
