import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  AllocateAddressCommand,
  AssignPrivateIpAddressesCommand,
  CreateNatGatewayCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeNetworkInterfacesCommand,
  type EC2Client,
  RunInstancesCommand,
  UnassignPrivateIpAddressesCommand,
} from '@aws-sdk/client-ec2'
import { catalogImages } from '../../../src/services/ec2/compute/image-catalog.js'
import { startTestServer, type TestServer } from '../start.js'
import { ec2Client, rejectsWith } from './ec2-fixtures.js'

describe('e2e: EC2 network interfaces and secondary addresses (SDK v3)', () => {
  let server: TestServer
  let ec2: EC2Client

  before(async () => {
    server = await startTestServer()
    ec2 = ec2Client(server.url, server.credentials)
  })
  after(() => server.stop())

  it('lists instance and NAT gateway interfaces and moves secondary addresses between nodes', async () => {
    const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!
    const subnet = (await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: '10.0.1.0/24' }))).Subnet!
      .SubnetId!
    const image = catalogImages('us-east-1').find((i) => i.architecture === 'x86_64')!.imageId
    const run = await ec2.send(
      new RunInstancesCommand({
        ImageId: image,
        InstanceType: 'm5.xlarge',
        MinCount: 2,
        MaxCount: 2,
        SubnetId: subnet,
      }),
    )
    const [a, b] = run.Instances!.map((i) => ({
      instance: i.InstanceId!,
      eni: i.NetworkInterfaces![0]!.NetworkInterfaceId!,
    }))
    const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }))
    await ec2.send(new CreateNatGatewayCommand({ SubnetId: subnet, AllocationId: eip.AllocationId }))

    const all = (
      await ec2.send(
        new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'subnet-id', Values: [subnet] }] }),
      )
    ).NetworkInterfaces!
    assert.deepEqual(all.map((i) => i.InterfaceType).sort(), ['interface', 'interface', 'nat_gateway'])
    const byInstance = (
      await ec2.send(
        new DescribeNetworkInterfacesCommand({
          Filters: [{ Name: 'attachment.instance-id', Values: [a!.instance] }],
        }),
      )
    ).NetworkInterfaces!
    assert.deepEqual(
      byInstance.map((i) => i.NetworkInterfaceId),
      [a!.eni],
    )
    assert.equal(byInstance[0]!.Attachment?.Status, 'attached')

    const assigned = await ec2.send(
      new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: a!.eni, SecondaryPrivateIpAddressCount: 2 }),
    )
    const [first, second] = assigned.AssignedPrivateIpAddresses!.map((p) => p.PrivateIpAddress!)
    assert.match(first!, /^10\.0\.1\.\d+$/)
    await rejectsWith(
      ec2.send(
        new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: b!.eni, PrivateIpAddresses: [first!] }),
      ),
      'PrivateIpAddressInUse',
      400,
      `Some of the specified addresses are already assigned to ENI ${a!.eni}`,
    )
    await ec2.send(
      new AssignPrivateIpAddressesCommand({
        NetworkInterfaceId: b!.eni,
        PrivateIpAddresses: [first!],
        AllowReassignment: true,
      }),
    )
    const holders = (
      await ec2.send(
        new DescribeNetworkInterfacesCommand({
          Filters: [{ Name: 'addresses.private-ip-address', Values: [first!] }],
        }),
      )
    ).NetworkInterfaces!
    assert.deepEqual(
      holders.map((i) => i.NetworkInterfaceId),
      [b!.eni],
    )
    await rejectsWith(
      ec2.send(
        new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: a!.eni, PrivateIpAddresses: ['10.0.2.9'] }),
      ),
      'InvalidParameterValue',
      400,
      "Address 10.0.2.9 does not fall within the subnet's address range",
    )
    await ec2.send(
      new UnassignPrivateIpAddressesCommand({ NetworkInterfaceId: a!.eni, PrivateIpAddresses: [second!] }),
    )
    await rejectsWith(
      ec2.send(
        new UnassignPrivateIpAddressesCommand({ NetworkInterfaceId: a!.eni, PrivateIpAddresses: [second!] }),
      ),
      'InvalidParameterValue',
      400,
      `Some of the specified addresses are not assigned to interface ${a!.eni}`,
    )
    const left = (await ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [a!.eni] })))
      .NetworkInterfaces![0]!
    assert.deepEqual(
      left.PrivateIpAddresses!.map((p) => p.Primary),
      [true],
    )
    await rejectsWith(
      ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: ['eni-00000000000000000'] })),
      'InvalidNetworkInterfaceID.NotFound',
      400,
      "The networkInterface ID 'eni-00000000000000000' does not exist",
    )
  })
})
