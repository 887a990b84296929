import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcEndpointCommand,
  DeleteInternetGatewayCommand,
  DeleteNatGatewayCommand,
  DeleteRouteCommand,
  DeleteRouteTableCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DeleteVpcEndpointsCommand,
  DescribeAddressesCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  DetachInternetGatewayCommand,
  DisassociateRouteTableCommand,
  type EC2Client,
  ModifySubnetAttributeCommand,
  ModifyVpcAttributeCommand,
  ReleaseAddressCommand,
  ReplaceRouteCommand,
} from '@aws-sdk/client-ec2'
import { startTestServer, type TestServer } from '../start.js'
import { ACCOUNT, ec2Client, rejectsWith } from './ec2-fixtures.js'

const tagged = (type: string, tags: Record<string, string>) => [
  { ResourceType: type as 'vpc', Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
]

describe('e2e: EC2 networking (SDK v3)', () => {
  let server: TestServer
  let ec2: EC2Client

  before(async () => {
    server = await startTestServer()
    ec2 = ec2Client(server.url, server.credentials)
  })
  after(() => server.stop())

  it('builds a cluster network as an installer does, and takes it down again in order', async () => {
    const cluster = { 'kubernetes.io/cluster/demo-x1': 'owned', Name: 'demo-vpc' }
    const vpc = (
      await ec2.send(
        new CreateVpcCommand({ CidrBlock: '10.0.0.0/16', TagSpecifications: tagged('vpc', cluster) }),
      )
    ).Vpc!
    assert.match(vpc.VpcId!, /^vpc-[0-9a-f]{17}$/)
    assert.equal(vpc.State, 'available')
    assert.equal(vpc.OwnerId, ACCOUNT)
    assert.deepEqual(
      vpc.Tags?.find((t) => t.Key === 'Name'),
      { Key: 'Name', Value: 'demo-vpc' },
    )
    await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpc.VpcId, EnableDnsHostnames: { Value: true } }))
    const dns = await ec2.send(
      new DescribeVpcAttributeCommand({ VpcId: vpc.VpcId, Attribute: 'enableDnsHostnames' }),
    )
    assert.equal(dns.EnableDnsHostnames?.Value, true)

    const subnet = async (cidr: string, zone: string, role: string) =>
      (
        await ec2.send(
          new CreateSubnetCommand({
            VpcId: vpc.VpcId,
            CidrBlock: cidr,
            AvailabilityZone: zone,
            TagSpecifications: tagged('subnet', { ...cluster, Name: `demo-${role}-${zone}` }),
          }),
        )
      ).Subnet!
    const publicA = await subnet('10.0.0.0/20', 'us-east-1a', 'public')
    const privateA = await subnet('10.0.16.0/20', 'us-east-1a', 'private')
    assert.equal(publicA.AvailableIpAddressCount, 4091)
    assert.equal(publicA.AvailabilityZoneId, 'use1-az1')
    await rejectsWith(
      subnet('10.0.8.0/24', 'us-east-1b', 'x'),
      'InvalidSubnet.Conflict',
      400,
      "The CIDR '10.0.8.0/24' conflicts with another subnet",
    )
    await rejectsWith(
      subnet('10.1.0.0/24', 'us-east-1b', 'x'),
      'InvalidSubnet.Range',
      400,
      "The CIDR '10.1.0.0/24' is invalid.",
    )
    await ec2.send(
      new ModifySubnetAttributeCommand({ SubnetId: publicA.SubnetId, MapPublicIpOnLaunch: { Value: true } }),
    )

    const igw = (await ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!
    await ec2.send(
      new AttachInternetGatewayCommand({ InternetGatewayId: igw.InternetGatewayId, VpcId: vpc.VpcId }),
    )
    await rejectsWith(
      ec2.send(
        new AttachInternetGatewayCommand({ InternetGatewayId: igw.InternetGatewayId, VpcId: vpc.VpcId }),
      ),
      'Resource.AlreadyAssociated',
      400,
      `resource ${igw.InternetGatewayId} is already attached to network ${vpc.VpcId}`,
    )
    const publicRtb = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpc.VpcId }))).RouteTable!
    await ec2.send(
      new CreateRouteCommand({
        RouteTableId: publicRtb.RouteTableId,
        DestinationCidrBlock: '0.0.0.0/0',
        GatewayId: igw.InternetGatewayId,
      }),
    )
    const publicAssoc = await ec2.send(
      new AssociateRouteTableCommand({ RouteTableId: publicRtb.RouteTableId, SubnetId: publicA.SubnetId }),
    )
    assert.match(publicAssoc.AssociationId!, /^rtbassoc-/)

    const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }))
    assert.match(eip.PublicIp!, /^\d+\.\d+\.\d+\.\d+$/)
    const created = await ec2.send(
      new CreateNatGatewayCommand({
        SubnetId: publicA.SubnetId,
        AllocationId: eip.AllocationId,
        ClientToken: 'nat-a',
      }),
    )
    const nat = created.NatGateway!
    assert.equal(nat.State, 'pending')
    assert.equal(nat.VpcId, vpc.VpcId)
    const again = await ec2.send(
      new CreateNatGatewayCommand({
        SubnetId: publicA.SubnetId,
        AllocationId: eip.AllocationId,
        ClientToken: 'nat-a',
      }),
    )
    assert.equal(again.NatGateway!.NatGatewayId, nat.NatGatewayId)
    await rejectsWith(
      ec2.send(new ReleaseAddressCommand({ AllocationId: eip.AllocationId })),
      'InvalidIPAddress.InUse',
      400,
      `Address ${eip.PublicIp} is in use.`,
    )
    const privateRtb = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpc.VpcId }))).RouteTable!
    await ec2.send(
      new CreateRouteCommand({
        RouteTableId: privateRtb.RouteTableId,
        DestinationCidrBlock: '0.0.0.0/0',
        NatGatewayId: nat.NatGatewayId,
      }),
    )
    await rejectsWith(
      ec2.send(
        new CreateRouteCommand({
          RouteTableId: privateRtb.RouteTableId,
          DestinationCidrBlock: '0.0.0.0/0',
          NatGatewayId: nat.NatGatewayId,
        }),
      ),
      'RouteAlreadyExists',
      400,
      'The route identified by 0.0.0.0/0 already exists.',
    )
    await ec2.send(
      new ReplaceRouteCommand({
        RouteTableId: privateRtb.RouteTableId,
        DestinationCidrBlock: '0.0.0.0/0',
        GatewayId: igw.InternetGatewayId,
      }),
    )
    await ec2.send(
      new ReplaceRouteCommand({
        RouteTableId: privateRtb.RouteTableId,
        DestinationCidrBlock: '0.0.0.0/0',
        NatGatewayId: nat.NatGatewayId,
      }),
    )
    const privateAssoc = await ec2.send(
      new AssociateRouteTableCommand({ RouteTableId: privateRtb.RouteTableId, SubnetId: privateA.SubnetId }),
    )
    const endpoint = (
      await ec2.send(
        new CreateVpcEndpointCommand({
          VpcId: vpc.VpcId,
          ServiceName: 'com.amazonaws.us-east-1.s3',
          VpcEndpointType: 'Gateway',
          RouteTableIds: [privateRtb.RouteTableId!],
        }),
      )
    ).VpcEndpoint!
    assert.equal(endpoint.State, 'available')
    await rejectsWith(
      ec2.send(new CreateVpcEndpointCommand({ VpcId: vpc.VpcId, ServiceName: 'com.amazonaws.eu-west-1.s3' })),
      'InvalidServiceName',
      400,
      "The Vpc Endpoint Service 'com.amazonaws.eu-west-1.s3' does not exist",
    )

    // The main route table came with the VPC; the private table routes through the NAT gateway.
    const tables = (
      await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc.VpcId!] }] }))
    ).RouteTables!
    assert.equal(tables.length, 3)
    const main = tables.find((t) => t.Associations?.some((a) => a.Main))!
    assert.deepEqual(
      main.Routes?.map((r) => [r.DestinationCidrBlock, r.GatewayId, r.State]),
      [['10.0.0.0/16', 'local', 'active']],
    )
    const routed = (
      await ec2.send(
        new DescribeRouteTablesCommand({
          Filters: [{ Name: 'route.nat-gateway-id', Values: [nat.NatGatewayId!] }],
        }),
      )
    ).RouteTables!
    assert.deepEqual(
      routed.map((t) => t.RouteTableId),
      [privateRtb.RouteTableId],
    )
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    const described = (await ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [nat.NatGatewayId!] })))
      .NatGateways!
    assert.equal(described[0]!.State, 'available')
    assert.equal(described[0]!.NatGatewayAddresses![0]!.PublicIp, eip.PublicIp)

    await rejectsWith(
      ec2.send(new DeleteVpcCommand({ VpcId: vpc.VpcId })),
      'DependencyViolation',
      400,
      `The vpc '${vpc.VpcId}' has dependencies and cannot be deleted.`,
    )
    await rejectsWith(
      ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: igw.InternetGatewayId })),
      'DependencyViolation',
      400,
      `The internetGateway '${igw.InternetGatewayId}' has dependencies and cannot be deleted.`,
    )

    // Teardown, as an uninstaller does it.
    await ec2.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [endpoint.VpcEndpointId!] }))
    await ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: nat.NatGatewayId }))
    const deleting = (await ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [nat.NatGatewayId!] })))
      .NatGateways!
    assert.equal(deleting[0]!.State, 'deleting')
    await ec2.send(new ReleaseAddressCommand({ AllocationId: eip.AllocationId }))
    await ec2.send(
      new DeleteRouteCommand({ RouteTableId: privateRtb.RouteTableId, DestinationCidrBlock: '0.0.0.0/0' }),
    )
    await rejectsWith(
      ec2.send(
        new DeleteRouteCommand({
          RouteTableId: privateRtb.RouteTableId,
          DestinationCidrBlock: '10.0.0.0/16',
        }),
      ),
      'InvalidParameterValue',
      400,
      `cannot remove local route 10.0.0.0/16 in route table ${privateRtb.RouteTableId}`,
    )
    await rejectsWith(
      ec2.send(new DeleteRouteTableCommand({ RouteTableId: privateRtb.RouteTableId })),
      'DependencyViolation',
      400,
      `The routeTable '${privateRtb.RouteTableId}' has dependencies and cannot be deleted.`,
    )
    await ec2.send(new DisassociateRouteTableCommand({ AssociationId: privateAssoc.AssociationId }))
    await ec2.send(new DisassociateRouteTableCommand({ AssociationId: publicAssoc.AssociationId }))
    await ec2.send(new DeleteRouteTableCommand({ RouteTableId: privateRtb.RouteTableId }))
    await ec2.send(new DeleteRouteTableCommand({ RouteTableId: publicRtb.RouteTableId }))
    await ec2.send(
      new DetachInternetGatewayCommand({ InternetGatewayId: igw.InternetGatewayId, VpcId: vpc.VpcId }),
    )
    await ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: igw.InternetGatewayId }))
    await rejectsWith(
      ec2.send(new DeleteSubnetCommand({ SubnetId: publicA.SubnetId })),
      'DependencyViolation',
      400,
      `The subnet '${publicA.SubnetId}' has dependencies and cannot be deleted.`,
    )
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    await ec2.send(new DeleteSubnetCommand({ SubnetId: publicA.SubnetId }))
    await ec2.send(new DeleteSubnetCommand({ SubnetId: privateA.SubnetId }))
    await ec2.send(new DeleteVpcCommand({ VpcId: vpc.VpcId }))
    await rejectsWith(
      ec2.send(new DescribeVpcsCommand({ VpcIds: [vpc.VpcId!] })),
      'InvalidVpcID.NotFound',
      400,
      `The vpc ID '${vpc.VpcId}' does not exist`,
    )
    assert.deepEqual((await ec2.send(new DescribeRouteTablesCommand({}))).RouteTables, [])
    assert.deepEqual((await ec2.send(new DescribeAddressesCommand({}))).Addresses, [])
  })

  it('filters by tag, tag-key and wildcards, and pages with MaxResults and NextToken', async () => {
    const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '172.16.0.0/16' }))).Vpc!
    const ids: string[] = []
    for (let i = 0; i < 7; i++) {
      const s = await ec2.send(
        new CreateSubnetCommand({
          VpcId: vpc.VpcId,
          CidrBlock: `172.16.${i}.0/24`,
          TagSpecifications: tagged('subnet', { tier: i % 2 === 0 ? 'public' : 'private', [`k${i}`]: '' }),
        }),
      )
      ids.push(s.Subnet!.SubnetId!)
    }
    const byTag = await ec2.send(
      new DescribeSubnetsCommand({ Filters: [{ Name: 'tag:tier', Values: ['pub*'] }] }),
    )
    assert.equal(byTag.Subnets!.length, 4)
    const byKey = await ec2.send(
      new DescribeSubnetsCommand({ Filters: [{ Name: 'tag-key', Values: ['k1', 'k3'] }] }),
    )
    assert.deepEqual(byKey.Subnets!.map((s) => s.CidrBlock).sort(), ['172.16.1.0/24', '172.16.3.0/24'])
    const both = await ec2.send(
      new DescribeSubnetsCommand({
        Filters: [
          { Name: 'vpc-id', Values: [vpc.VpcId!] },
          { Name: 'cidr-block', Values: ['172.16.?.0/24'] },
          { Name: 'tag:tier', Values: ['private'] },
        ],
      }),
    )
    assert.equal(both.Subnets!.length, 3)
    const seen: string[] = []
    let token: string | undefined
    let pages = 0
    do {
      const page = await ec2.send(
        new DescribeSubnetsCommand({ MaxResults: 5, ...(token ? { NextToken: token } : {}) }),
      )
      seen.push(...page.Subnets!.map((s) => s.SubnetId!))
      token = page.NextToken
      pages++
    } while (token)
    assert.equal(pages, 2)
    assert.deepEqual(seen, [...ids].sort())
    await rejectsWith(
      ec2.send(new DescribeSubnetsCommand({ MaxResults: 4 })),
      'InvalidParameterValue',
      400,
      'Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 4.',
    )
    await rejectsWith(
      ec2.send(new DescribeSubnetsCommand({ SubnetIds: ['subnet-zz'] })),
      'InvalidSubnetID.Malformed',
      400,
      'Invalid id: "subnet-zz"',
    )
    await rejectsWith(
      ec2.send(new DescribeVpcsCommand({ VpcIds: ['vpc-00000000000000000', 'vpc-11111111111111111'] })),
      'InvalidVpcID.NotFound',
      400,
      "The vpc IDs 'vpc-00000000000000000, vpc-11111111111111111' do not exist",
    )
  })

  it('checks VPC blocks and the VPC and Elastic IP quotas', async () => {
    await rejectsWith(
      ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/8' })),
      'InvalidVpc.Range',
      400,
      "The CIDR '10.0.0.0/8' is invalid.",
    )
    await rejectsWith(
      ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.300/16' })),
      'InvalidParameterValue',
      400,
      'Value (10.0.0.300/16) for parameter cidrBlock is invalid. This is not a valid CIDR block.',
    )
    const existing = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs!.length
    for (let i = existing; i < 5; i++) await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${i}.0.0/16` }))
    await rejectsWith(
      ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/16' })),
      'VpcLimitExceeded',
      400,
      'The maximum number of VPCs has been reached.',
    )
    for (let i = 0; i < 5; i++) await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }))
    await rejectsWith(
      ec2.send(new AllocateAddressCommand({ Domain: 'vpc' })),
      'AddressLimitExceeded',
      400,
      'The maximum number of addresses has been reached.',
    )
  })
})
