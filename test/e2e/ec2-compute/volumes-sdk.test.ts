import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  AttachVolumeCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DeleteSnapshotCommand,
  DeleteVolumeCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  DescribeVolumesModificationsCommand,
  DetachVolumeCommand,
  ModifyVolumeCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2'
import { QUOTA_SETTINGS_SCOPE } from '../../../src/services/ec2/compute/quotas.js'
import {
  ACCOUNT,
  type ComputeServer,
  rejectsWith,
  rhcosImage,
  type SeededNetwork,
  seedNetwork,
  startComputeServer,
} from './compute-fixtures.js'

describe('e2e: EBS volumes, snapshots and quotas (SDK v3)', () => {
  let server: ComputeServer
  let net: SeededNetwork
  before(async () => {
    server = await startComputeServer()
    net = await seedNetwork(server.app.store, ACCOUNT)
  })
  after(() => server.stop())

  const ec2 = () => server.ec2()
  const volume = async (id: string) =>
    (await ec2().send(new DescribeVolumesCommand({ VolumeIds: [id] }))).Volumes![0]!
  const launch = async (type = 'm5.xlarge', count = 1) =>
    (
      await ec2().send(
        new RunInstancesCommand({
          ImageId: rhcosImage(),
          InstanceType: type as never,
          MinCount: count,
          MaxCount: count,
          SubnetId: net.subnetId,
        }),
      )
    ).Instances!

  it('creates, attaches, detaches, modifies and deletes a volume through its states', async () => {
    const created = await ec2().send(
      new CreateVolumeCommand({
        AvailabilityZone: net.zone,
        Size: 50,
        VolumeType: 'gp3',
        Encrypted: true,
        TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'team', Value: 'core' }] }],
      }),
    )
    const id = created.VolumeId!
    assert.match(id, /^vol-[0-9a-f]{17}$/)
    assert.deepEqual(
      [created.State, created.Size, created.Iops, created.Throughput],
      ['creating', 50, 3000, 125],
    )
    assert.equal(created.KmsKeyId, `arn:aws:kms:us-east-1:${ACCOUNT}:alias/aws/ebs`)
    const [instance] = await launch()
    server.clock.advance(2_000)
    await rejectsWith(
      ec2().send(
        new AttachVolumeCommand({ VolumeId: id, InstanceId: instance!.InstanceId!, Device: '/dev/sdh' }),
      ),
      'IncorrectState',
      400,
      `Instance '${instance!.InstanceId}' is not 'running'.`,
    )
    server.clock.advance(4_000)
    assert.equal((await volume(id)).State, 'available')
    const attached = await ec2().send(
      new AttachVolumeCommand({ VolumeId: id, InstanceId: instance!.InstanceId!, Device: '/dev/sdh' }),
    )
    assert.deepEqual([attached.State, attached.Device], ['attaching', '/dev/sdh'])
    const inUse = await volume(id)
    assert.equal(inUse.State, 'in-use')
    assert.equal(inUse.Attachments![0]!.InstanceId, instance!.InstanceId)
    const described = await ec2().send(new DescribeInstancesCommand({ InstanceIds: [instance!.InstanceId!] }))
    assert.ok(
      described.Reservations![0]!.Instances![0]!.BlockDeviceMappings!.some((b) => b.Ebs!.VolumeId === id),
    )
    await rejectsWith(
      ec2().send(
        new AttachVolumeCommand({ VolumeId: id, InstanceId: instance!.InstanceId!, Device: '/dev/sdi' }),
      ),
      'VolumeInUse',
      400,
      `vol '${id}' is already attached to an instance '${instance!.InstanceId}'`,
    )
    await rejectsWith(
      ec2().send(new DeleteVolumeCommand({ VolumeId: id })),
      'VolumeInUse',
      400,
      `Volume ${id} is currently attached to ${instance!.InstanceId}`,
    )
    const root = described.Reservations![0]!.Instances![0]!.BlockDeviceMappings![0]!.Ebs!.VolumeId!
    await rejectsWith(
      ec2().send(new DetachVolumeCommand({ VolumeId: root })),
      'UnsupportedOperation',
      400,
      `Unable to detach root volume '${root}' from instance '${instance!.InstanceId}'`,
    )
    const modified = await ec2().send(new ModifyVolumeCommand({ VolumeId: id, Size: 100, Iops: 4000 }))
    assert.deepEqual(
      [
        modified.VolumeModification!.ModificationState,
        modified.VolumeModification!.OriginalSize,
        modified.VolumeModification!.TargetSize,
      ],
      ['modifying', 50, 100],
    )
    await rejectsWith(
      ec2().send(new ModifyVolumeCommand({ VolumeId: id, Size: 200 })),
      'IncorrectModificationState',
      400,
      `Cannot modify volume ${id} as it is already being modified.`,
    )
    server.clock.advance(10_000)
    const mods = await ec2().send(new DescribeVolumesModificationsCommand({ VolumeIds: [id] }))
    assert.equal(mods.VolumesModifications![0]!.ModificationState, 'completed')
    assert.deepEqual([(await volume(id)).Size, (await volume(id)).Iops], [100, 4000])
    await rejectsWith(
      ec2().send(new ModifyVolumeCommand({ VolumeId: id, Size: 10 })),
      'InvalidParameterValue',
      400,
      'New size cannot be smaller than existing size',
    )
    const detached = await ec2().send(new DetachVolumeCommand({ VolumeId: id }))
    assert.equal(detached.State, 'detaching')
    assert.equal((await volume(id)).State, 'available')
    await rejectsWith(
      ec2().send(new DetachVolumeCommand({ VolumeId: id })),
      'IncorrectState',
      400,
      `Volume '${id}' is in the 'available' state.`,
    )
    const snap = await ec2().send(new CreateSnapshotCommand({ VolumeId: id, Description: 'backup' }))
    assert.match(snap.SnapshotId!, /^snap-[0-9a-f]{17}$/)
    assert.deepEqual([snap.State, snap.VolumeSize, snap.Encrypted], ['pending', 100, true])
    server.clock.advance(6_000)
    const snaps = await ec2().send(
      new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: [{ Name: 'volume-id', Values: [id] }] }),
    )
    assert.deepEqual([snaps.Snapshots![0]!.State, snaps.Snapshots![0]!.Progress], ['completed', '100%'])
    const restored = await ec2().send(
      new CreateVolumeCommand({ AvailabilityZone: net.zone, SnapshotId: snap.SnapshotId! }),
    )
    assert.deepEqual([restored.Size, restored.SnapshotId, restored.Encrypted], [100, snap.SnapshotId, true])
    await ec2().send(new DeleteSnapshotCommand({ SnapshotId: snap.SnapshotId! }))
    await rejectsWith(
      ec2().send(new DescribeSnapshotsCommand({ SnapshotIds: [snap.SnapshotId!] })),
      'InvalidSnapshot.NotFound',
      400,
      `The snapshot '${snap.SnapshotId}' does not exist.`,
    )
    await ec2().send(new DeleteVolumeCommand({ VolumeId: id }))
    await rejectsWith(
      ec2().send(new DescribeVolumesCommand({ VolumeIds: [id] })),
      'InvalidVolume.NotFound',
      400,
      `The volume '${id}' does not exist.`,
    )
  })

  it('termination deletes DeleteOnTermination volumes and detaches the others', async () => {
    const out = await ec2().send(
      new RunInstancesCommand({
        ImageId: rhcosImage(),
        InstanceType: 't3.medium',
        MinCount: 1,
        MaxCount: 1,
        SubnetId: net.subnetId,
        BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 5, DeleteOnTermination: false } }],
      }),
    )
    const instance = out.Instances![0]!
    const [root, data] = instance.BlockDeviceMappings!.map((b) => b.Ebs!.VolumeId!)
    server.clock.advance(6_000)
    await ec2().send(new TerminateInstancesCommand({ InstanceIds: [instance.InstanceId!] }))
    await rejectsWith(
      ec2().send(new DescribeVolumesCommand({ VolumeIds: [root!] })),
      'InvalidVolume.NotFound',
      400,
      `The volume '${root}' does not exist.`,
    )
    const kept = await volume(data!)
    assert.deepEqual([kept.State, kept.Attachments], ['available', []])
  })

  it('volume parameters are checked as EC2 checks them', async () => {
    const create = (input: Partial<CreateVolumeCommand['input']>) =>
      ec2().send(new CreateVolumeCommand({ AvailabilityZone: net.zone, ...input }))
    await rejectsWith(
      create({ Size: 10, VolumeType: 'io1' }),
      'MissingParameter',
      400,
      'The request must contain the parameter iops',
    )
    await rejectsWith(
      create({ Size: 10, VolumeType: 'gp2', Iops: 300 }),
      'InvalidParameterCombination',
      400,
      'The parameter iops is not supported for gp2 volumes.',
    )
    await rejectsWith(
      create({ Size: 10, AvailabilityZone: 'us-east-1q' }),
      'InvalidParameterValue',
      400,
      'Invalid availability zone: [us-east-1q]',
    )
    await rejectsWith(
      create({}),
      'MissingParameter',
      400,
      'The request must contain the parameter size or snapshotId',
    )
  })

  it('quotas: running vCPUs and instances answer VcpuLimitExceeded and InstanceLimitExceeded; MaxCount launches what fits', async () => {
    await server.app.store.settings.put(
      QUOTA_SETTINGS_SCOPE,
      `${ACCOUNT}/us-west-2`,
      JSON.stringify({ standardVcpus: 16, instances: 3 }),
      new Date(),
    )
    const west = await seedNetwork(server.app.store, ACCOUNT, 'us-west-2')
    const run = (type: string, min: number, max: number) =>
      server.ec2(server.admin, 'us-west-2').send(
        new RunInstancesCommand({
          ImageId: rhcosImage('us-west-2'),
          InstanceType: type as never,
          MinCount: min,
          MaxCount: max,
          SubnetId: west.subnetId,
        }),
      )
    const first = await run('m5.2xlarge', 1, 5)
    assert.equal(first.Instances!.length, 2)
    await rejectsWith(
      run('m5.xlarge', 1, 1),
      'VcpuLimitExceeded',
      400,
      'You have requested more vCPU capacity than your current vCPU limit of 16 allows for the instance bucket that the specified instance type belongs to. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.',
    )
    await server
      .ec2(server.admin, 'us-west-2')
      .send(new TerminateInstancesCommand({ InstanceIds: [first.Instances![0]!.InstanceId!] }))
    server.clock.advance(6_000)
    assert.equal((await run('t3.medium', 2, 2)).Instances!.length, 2)
    const instanceLimit = 'Your quota allows for 0 more running instance(s). You requested at least 1'
    await rejectsWith(run('t3.medium', 1, 1), 'InstanceLimitExceeded', 400, instanceLimit)
    // A stopped instance no longer counts, and starting it again is checked like a launch.
    const westEc2 = server.ec2(server.admin, 'us-west-2')
    const stopped = first.Instances![1]!.InstanceId!
    await westEc2.send(new StopInstancesCommand({ InstanceIds: [stopped] }))
    server.clock.advance(6_000)
    assert.equal((await run('t3.medium', 1, 1)).Instances!.length, 1)
    await rejectsWith(
      westEc2.send(new StartInstancesCommand({ InstanceIds: [stopped] })),
      'InstanceLimitExceeded',
      400,
      instanceLimit,
    )
  })
})
