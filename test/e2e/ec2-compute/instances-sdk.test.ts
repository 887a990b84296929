import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail'
import {
  DescribeAccountAttributesCommand,
  DescribeImagesCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstanceStatusCommand,
  DescribeInstancesCommand,
  DescribeInstanceTypeOfferingsCommand,
  DescribeInstanceTypesCommand,
  DescribeVolumesCommand,
  ModifyInstanceAttributeCommand,
  RebootInstancesCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2'
import {
  ACCOUNT,
  type ComputeServer,
  rejectsWith,
  rhcosImage,
  type SeededNetwork,
  seedNetwork,
  startComputeServer,
} from './compute-fixtures.js'

describe('e2e: EC2 instances (SDK v3)', () => {
  let server: ComputeServer
  let net: SeededNetwork
  before(async () => {
    server = await startComputeServer()
    net = await seedNetwork(server.app.store, ACCOUNT)
  })
  after(() => server.stop())

  const run = (extra: Partial<RunInstancesCommand['input']> = {}) =>
    server.ec2().send(
      new RunInstancesCommand({
        ImageId: rhcosImage(),
        InstanceType: 'm5.xlarge',
        MinCount: 1,
        MaxCount: 1,
        SubnetId: net.subnetId,
        ...extra,
      }),
    )
  const describeOne = async (id: string) =>
    (await server.ec2().send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations![0]!
      .Instances![0]!

  it('DescribeImages lists the RHCOS catalog by owner, id and filter', async () => {
    const all = await server.ec2().send(new DescribeImagesCommand({ Owners: ['531415883065'] }))
    assert.ok(all.Images!.length >= 4)
    const arm = await server.ec2().send(
      new DescribeImagesCommand({
        Filters: [
          { Name: 'architecture', Values: ['arm64'] },
          { Name: 'name', Values: ['rhcos-9.6.*'] },
        ],
      }),
    )
    assert.ok(arm.Images!.every((i) => i.Architecture === 'arm64' && i.Name!.startsWith('rhcos-9.6.')))
    const one = await server.ec2().send(new DescribeImagesCommand({ ImageIds: [rhcosImage()] }))
    assert.equal(one.Images![0]!.RootDeviceName, '/dev/xvda')
    assert.equal((await server.ec2().send(new DescribeImagesCommand({ Owners: ['self'] }))).Images!.length, 0)
    await rejectsWith(
      server.ec2().send(new DescribeImagesCommand({ ImageIds: ['ami-0123456789abcdef0'] })),
      'InvalidAMIID.NotFound',
      400,
      "The image id '[ami-0123456789abcdef0]' does not exist",
    )
  })

  it('DescribeInstanceTypes, DescribeInstanceTypeOfferings and DescribeAccountAttributes', async () => {
    const types = await server
      .ec2()
      .send(new DescribeInstanceTypesCommand({ InstanceTypes: ['m5.xlarge', 'm6g.xlarge'] }))
    assert.deepEqual(
      types.InstanceTypes!.map((t) => [
        t.InstanceType,
        t.VCpuInfo!.DefaultVCpus,
        t.MemoryInfo!.SizeInMiB,
        t.ProcessorInfo!.SupportedArchitectures,
      ]),
      [
        ['m5.xlarge', 4, 16384, ['x86_64']],
        ['m6g.xlarge', 4, 16384, ['arm64']],
      ],
    )
    await rejectsWith(
      server.ec2().send(new DescribeInstanceTypesCommand({ InstanceTypes: ['m5.huge' as never] })),
      'InvalidInstanceType',
      400,
      'The following supplied instance types do not exist: [m5.huge]',
    )
    const offerings = await server.ec2().send(
      new DescribeInstanceTypeOfferingsCommand({
        LocationType: 'availability-zone',
        Filters: [{ Name: 'instance-type', Values: ['m5.xlarge'] }],
      }),
    )
    assert.ok(
      offerings.InstanceTypeOfferings!.every(
        (o) => o.InstanceType === 'm5.xlarge' && o.Location!.startsWith('us-east-1'),
      ),
    )
    assert.ok(offerings.InstanceTypeOfferings!.length >= 3)
    const attributes = await server
      .ec2()
      .send(new DescribeAccountAttributesCommand({ AttributeNames: ['max-instances' as never] }))
    assert.deepEqual(attributes.AccountAttributes, [
      { AttributeName: 'max-instances', AttributeValues: [{ AttributeValue: '1000' }] },
    ])
  })

  it('RunInstances launches into the subnet with block devices, tags and user data', async () => {
    const out = await run({
      MinCount: 2,
      MaxCount: 2,
      KeyName: net.keyName,
      UserData: Buffer.from('#!/bin/sh\necho hi').toString('base64'),
      BlockDeviceMappings: [
        { DeviceName: '/dev/xvda', Ebs: { VolumeSize: 120, VolumeType: 'gp3' } },
        { DeviceName: '/dev/sdf', Ebs: { VolumeSize: 10, DeleteOnTermination: false } },
      ],
      TagSpecifications: [
        { ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'worker' }] },
        { ResourceType: 'volume', Tags: [{ Key: 'kubernetes.io/cluster/c1', Value: 'owned' }] },
      ],
    })
    assert.match(out.ReservationId!, /^r-[0-9a-f]{17}$/)
    assert.equal(out.OwnerId, ACCOUNT)
    assert.equal(out.Instances!.length, 2)
    const [first] = out.Instances!
    assert.match(first!.InstanceId!, /^i-[0-9a-f]{17}$/)
    assert.deepEqual(first!.State, { Code: 0, Name: 'pending' })
    assert.equal(first!.SubnetId, net.subnetId)
    assert.equal(first!.VpcId, net.vpcId)
    assert.equal(first!.Placement!.AvailabilityZone, net.zone)
    assert.match(first!.PrivateIpAddress!, /^10\.0\.1\.\d+$/)
    assert.equal(first!.PrivateDnsName, `ip-${first!.PrivateIpAddress!.replaceAll('.', '-')}.ec2.internal`)
    assert.deepEqual(first!.SecurityGroups, [{ GroupId: net.groupId, GroupName: 'default' }])
    assert.equal(first!.KeyName, net.keyName)
    assert.deepEqual(first!.Tags, [{ Key: 'Name', Value: 'worker' }])
    assert.deepEqual(
      first!.BlockDeviceMappings!.map((b) => [b.DeviceName, b.Ebs!.DeleteOnTermination]),
      [
        ['/dev/xvda', true],
        ['/dev/sdf', false],
      ],
    )
    const volumes = await server.ec2().send(
      new DescribeVolumesCommand({
        Filters: [{ Name: 'attachment.instance-id', Values: [first!.InstanceId!] }],
      }),
    )
    const root = volumes.Volumes!.find((v) => v.Attachments![0]!.Device === '/dev/xvda')!
    assert.deepEqual(
      [root.Size, root.VolumeType, root.Iops, root.Throughput, root.State],
      [120, 'gp3', 3000, 125, 'in-use'],
    )
    assert.deepEqual(root.Tags, [{ Key: 'kubernetes.io/cluster/c1', Value: 'owned' }])
    const data = await server
      .ec2()
      .send(new DescribeInstanceAttributeCommand({ InstanceId: first!.InstanceId!, Attribute: 'userData' }))
    assert.equal(Buffer.from(data.UserData!.Value!, 'base64').toString(), '#!/bin/sh\necho hi')
    // The audit trail records the launch without its user data.
    await server.app.flushAudit()
    const trail = new CloudTrailClient({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: server.admin,
      systemClockOffset: server.clock.offsetMs,
      maxAttempts: 1,
    })
    const events = await trail.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'RunInstances' }],
      }),
    )
    const event = JSON.parse(events.Events![0]!.CloudTrailEvent!) as {
      requestParameters: { userData: string }
    }
    assert.equal(event.requestParameters.userData, 'HIDDEN_DUE_TO_SECURITY_REASONS')
  })

  it('an unknown instance type, image or subnet is refused with AWS errors', async () => {
    await rejectsWith(
      run({ InstanceType: 'm5.huge' as never }),
      'InvalidParameterValue',
      400,
      "Invalid value 'm5.huge' for InstanceType.",
    )
    await rejectsWith(
      run({ ImageId: 'ami-0000000000000000a' }),
      'InvalidAMIID.NotFound',
      400,
      "The image id '[ami-0000000000000000a]' does not exist",
    )
    await rejectsWith(
      run({ SubnetId: 'subnet-0ffffffffffffffff' }),
      'InvalidSubnetID.NotFound',
      400,
      "The subnet ID 'subnet-0ffffffffffffffff' does not exist",
    )
    await rejectsWith(
      run({ InstanceType: 'm6g.xlarge' }),
      'InvalidParameterValue',
      400,
      /architecture 'arm64'/,
    )
  })

  it('moves through pending → running → stopping → stopped → pending → shutting-down → terminated with the clock', async () => {
    const id = (await run()).Instances![0]!.InstanceId!
    await rejectsWith(
      server.ec2().send(new StopInstancesCommand({ InstanceIds: [id] })),
      'IncorrectInstanceState',
      400,
      `Instance '${id}' cannot be stopped as it has never reached the 'running' state.`,
    )
    server.clock.advance(6_000)
    assert.equal((await describeOne(id)).State!.Name, 'running')
    const status = await server.ec2().send(new DescribeInstanceStatusCommand({ InstanceIds: [id] }))
    assert.equal(status.InstanceStatuses![0]!.InstanceStatus!.Status, 'ok')
    await server.ec2().send(new RebootInstancesCommand({ InstanceIds: [id] }))
    const stop = await server.ec2().send(new StopInstancesCommand({ InstanceIds: [id] }))
    assert.deepEqual(stop.StoppingInstances, [
      {
        InstanceId: id,
        PreviousState: { Code: 16, Name: 'running' },
        CurrentState: { Code: 64, Name: 'stopping' },
      },
    ])
    await rejectsWith(
      server
        .ec2()
        .send(new ModifyInstanceAttributeCommand({ InstanceId: id, InstanceType: { Value: 'm5.2xlarge' } })),
      'IncorrectInstanceState',
      400,
      `The instance '${id}' is not in the 'stopped' state.`,
    )
    server.clock.advance(6_000)
    const stopped = await describeOne(id)
    assert.equal(stopped.State!.Name, 'stopped')
    assert.match(stopped.StateTransitionReason!, /^User initiated \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d GMT\)$/)
    await server
      .ec2()
      .send(new ModifyInstanceAttributeCommand({ InstanceId: id, InstanceType: { Value: 'm5.2xlarge' } }))
    await rejectsWith(
      server.ec2().send(new RebootInstancesCommand({ InstanceIds: [id] })),
      'IncorrectInstanceState',
      400,
      `The instance '${id}' is not in the 'running' state.`,
    )
    const start = await server.ec2().send(new StartInstancesCommand({ InstanceIds: [id] }))
    assert.equal(start.StartingInstances![0]!.CurrentState!.Name, 'pending')
    server.clock.advance(6_000)
    const running = await describeOne(id)
    assert.deepEqual([running.State!.Name, running.InstanceType], ['running', 'm5.2xlarge'])
    await server
      .ec2()
      .send(new ModifyInstanceAttributeCommand({ InstanceId: id, DisableApiTermination: { Value: true } }))
    await rejectsWith(
      server.ec2().send(new TerminateInstancesCommand({ InstanceIds: [id] })),
      'OperationNotPermitted',
      400,
      `The instance '${id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`,
    )
    await server.ec2().send(
      new ModifyInstanceAttributeCommand({
        InstanceId: id,
        Attribute: 'disableApiTermination',
        Value: 'false',
      }),
    )
    await server
      .ec2()
      .send(new ModifyInstanceAttributeCommand({ InstanceId: id, SourceDestCheck: { Value: false } }))
    const check = await server
      .ec2()
      .send(new DescribeInstanceAttributeCommand({ InstanceId: id, Attribute: 'sourceDestCheck' }))
    assert.equal(check.SourceDestCheck!.Value, false)
    const term = await server.ec2().send(new TerminateInstancesCommand({ InstanceIds: [id] }))
    assert.equal(term.TerminatingInstances![0]!.CurrentState!.Name, 'shutting-down')
    server.clock.advance(6_000)
    const gone = await describeOne(id)
    assert.deepEqual(gone.State, { Code: 48, Name: 'terminated' })
    assert.deepEqual(gone.BlockDeviceMappings, [])
    await rejectsWith(
      server.ec2().send(new StartInstancesCommand({ InstanceIds: [id] })),
      'IncorrectInstanceState',
      400,
      `The instance '${id}' is not in a state from which it can be started.`,
    )
    const byState = await server
      .ec2()
      .send(
        new DescribeInstancesCommand({ Filters: [{ Name: 'instance-state-name', Values: ['terminated'] }] }),
      )
    assert.ok(byState.Reservations!.some((r) => r.Instances!.some((i) => i.InstanceId === id)))
    server.clock.advance(3_600_000)
    await rejectsWith(
      server.ec2().send(new DescribeInstancesCommand({ InstanceIds: [id] })),
      'InvalidInstanceID.NotFound',
      400,
      `The instance ID '${id}' does not exist`,
    )
  })

  it('ClientToken: the same token answers the same reservation, other parameters IdempotentParameterMismatch', async () => {
    const first = await run({ ClientToken: 'token-1' })
    const again = await run({ ClientToken: 'token-1' })
    assert.equal(again.ReservationId, first.ReservationId)
    assert.equal(again.Instances![0]!.InstanceId, first.Instances![0]!.InstanceId)
    assert.equal(again.Instances![0]!.ClientToken, 'token-1')
    await rejectsWith(
      run({ ClientToken: 'token-1', InstanceType: 'm5.2xlarge' }),
      'IdempotentParameterMismatch',
      400,
      'Arguments on this idempotent request are inconsistent with arguments used in previous request(s).',
    )
  })

  it('DescribeInstances pages by MaxResults and filters by tag and subnet', async () => {
    const seen = new Set<string>()
    let token: string | undefined
    do {
      const page = await server.ec2().send(new DescribeInstancesCommand({ MaxResults: 5, NextToken: token }))
      for (const r of page.Reservations!) for (const i of r.Instances!) seen.add(i.InstanceId!)
      token = page.NextToken
    } while (token)
    const all = await server.ec2().send(new DescribeInstancesCommand({}))
    assert.equal(seen.size, all.Reservations!.flatMap((r) => r.Instances!).length)
    const named = await server.ec2().send(
      new DescribeInstancesCommand({
        Filters: [
          { Name: 'tag:Name', Values: ['work*'] },
          { Name: 'subnet-id', Values: [net.subnetId] },
        ],
      }),
    )
    assert.equal(named.Reservations!.flatMap((r) => r.Instances!).length, 2)
  })
})
