import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcEndpointCommand,
  CreateVpcEndpointServiceConfigurationCommand,
  DeleteVpcEndpointServiceConfigurationsCommand,
  DescribeVpcEndpointServiceConfigurationsCommand,
  DescribeVpcEndpointsCommand,
  type EC2Client,
  ModifyVpcEndpointCommand,
  ModifyVpcEndpointServicePermissionsCommand,
} from '@aws-sdk/client-ec2'
import {
  CreateLoadBalancerCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { startTestServer, type TestServer } from '../start.js'
import { ACCOUNT, ec2Client, rejectsWith } from './ec2-fixtures.js'

describe('e2e: EC2 PrivateLink endpoint services and endpoint changes (SDK v3)', () => {
  let server: TestServer
  let ec2: EC2Client
  let vpcId: string
  let subnets: string[]

  before(async () => {
    server = await startTestServer()
    ec2 = ec2Client(server.url, server.credentials)
    vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!
    subnets = []
    for (const [i, zone] of ['us-east-1a', 'us-east-1b'].entries())
      subnets.push(
        (
          await ec2.send(
            new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.0.${i}.0/24`, AvailabilityZone: zone }),
          )
        ).Subnet!.SubnetId!,
      )
  })
  after(() => server.stop())

  it('puts an endpoint service in front of a network load balancer and manages who may connect', async () => {
    const elb = new ElasticLoadBalancingV2Client({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: server.credentials,
      maxAttempts: 1,
    })
    const nlb = (
      await elb.send(
        new CreateLoadBalancerCommand({
          Name: 'api-int',
          Type: 'network',
          Scheme: 'internal',
          Subnets: subnets,
        }),
      )
    ).LoadBalancers![0]!
    const created = await ec2.send(
      new CreateVpcEndpointServiceConfigurationCommand({
        NetworkLoadBalancerArns: [nlb.LoadBalancerArn!],
        AcceptanceRequired: false,
      }),
    )
    const service = created.ServiceConfiguration!
    assert.match(service.ServiceId!, /^vpce-svc-[0-9a-f]{17}$/)
    assert.equal(service.ServiceName, `com.amazonaws.vpce.us-east-1.${service.ServiceId}`)
    assert.deepEqual(service.AvailabilityZones, ['us-east-1a', 'us-east-1b'])
    assert.equal(service.AcceptanceRequired, false)
    await rejectsWith(
      ec2.send(
        new CreateVpcEndpointServiceConfigurationCommand({
          NetworkLoadBalancerArns: [
            'arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/net/none/1',
          ],
        }),
      ),
      'InvalidParameterValue',
      400,
      "The load balancer ARN 'arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/net/none/1' is not valid",
    )
    const sre = 'arn:aws:iam::710019948333:role/RH-Managed-OpenShift-Installer'
    const added = await ec2.send(
      new ModifyVpcEndpointServicePermissionsCommand({
        ServiceId: service.ServiceId,
        AddAllowedPrincipals: [sre, `arn:aws:iam::${ACCOUNT}:root`],
      }),
    )
    assert.equal(added.ReturnValue, true)
    assert.deepEqual(
      added.AddedPrincipals!.map((p) => [p.Principal, p.PrincipalType, p.ServiceId]),
      [
        [sre, 'Role', service.ServiceId],
        [`arn:aws:iam::${ACCOUNT}:root`, 'Account', service.ServiceId],
      ],
    )
    await rejectsWith(
      ec2.send(
        new ModifyVpcEndpointServicePermissionsCommand({
          ServiceId: service.ServiceId,
          AddAllowedPrincipals: ['bob'],
        }),
      ),
      'InvalidPrincipal',
      400,
      "Invalid Principal: 'bob'",
    )
    const listed = await ec2.send(
      new DescribeVpcEndpointServiceConfigurationsCommand({
        Filters: [{ Name: 'service-name', Values: ['com.amazonaws.vpce.*'] }],
      }),
    )
    assert.deepEqual(
      listed.ServiceConfigurations!.map((s) => s.ServiceId),
      [service.ServiceId],
    )
    const deleted = await ec2.send(
      new DeleteVpcEndpointServiceConfigurationsCommand({
        ServiceIds: [service.ServiceId!, 'vpce-svc-00000000000000000'],
      }),
    )
    assert.deepEqual(
      deleted.Unsuccessful!.map((u) => [u.ResourceId, u.Error?.Code]),
      [['vpce-svc-00000000000000000', 'InvalidVpcEndpointServiceId.NotFound']],
    )
    assert.deepEqual(
      (await ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({}))).ServiceConfigurations,
      [],
    )
  })

  it('changes an Interface endpoint’s subnets, groups and policy', async () => {
    const endpoint = (
      await ec2.send(
        new CreateVpcEndpointCommand({
          VpcId: vpcId,
          VpcEndpointType: 'Interface',
          ServiceName: 'com.amazonaws.us-east-1.ec2',
          SubnetIds: [subnets[0]!],
        }),
      )
    ).VpcEndpoint!
    assert.deepEqual(
      endpoint.Groups!.map((g) => g.GroupName),
      ['default'],
    )
    const group = (
      await ec2.send(
        new CreateSecurityGroupCommand({ GroupName: 'vpce', Description: 'endpoint', VpcId: vpcId }),
      )
    ).GroupId!
    const policy = JSON.stringify({
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ec2:Describe*', Resource: '*' }],
    })
    const out = await ec2.send(
      new ModifyVpcEndpointCommand({
        VpcEndpointId: endpoint.VpcEndpointId,
        AddSubnetIds: [subnets[1]!],
        RemoveSubnetIds: [subnets[0]!],
        AddSecurityGroupIds: [group],
        PolicyDocument: policy,
      }),
    )
    assert.equal(out.Return, true)
    const after = (
      await ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [endpoint.VpcEndpointId!] }))
    ).VpcEndpoints![0]!
    assert.deepEqual(after.SubnetIds, [subnets[1]])
    assert.equal(after.NetworkInterfaceIds!.length, 1)
    assert.notEqual(after.NetworkInterfaceIds![0], endpoint.NetworkInterfaceIds![0])
    assert.deepEqual(
      after.Groups!.map((g) => g.GroupName),
      ['default', 'vpce'],
    )
    assert.equal(after.PolicyDocument, policy)
    await rejectsWith(
      ec2.send(
        new ModifyVpcEndpointCommand({
          VpcEndpointId: endpoint.VpcEndpointId,
          AddRouteTableIds: ['rtb-00000000000000000'],
        }),
      ),
      'InvalidParameterValue',
      400,
      'Route tables are for Gateway endpoints.',
    )
  })
})
