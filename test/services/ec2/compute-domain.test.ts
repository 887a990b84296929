import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { planDevices } from '../../../src/services/ec2/compute/block-devices.js'
import { catalogImages, findCatalogImage } from '../../../src/services/ec2/compute/image-catalog.js'
import { currentState, isExpired } from '../../../src/services/ec2/compute/instance-state.js'
import { DEFAULT_QUOTAS, launchable } from '../../../src/services/ec2/compute/quotas.js'
import { volumeSpec } from '../../../src/services/ec2/compute/volume-spec.js'

const owner = { region: 'us-east-1', account: '111122223333' }

describe('ec2 compute domain', () => {
  it('instance states advance with time and only through the transient ones', () => {
    assert.deepEqual(currentState({ name: 'pending', since: 1000 }, 5999), { name: 'pending', since: 1000 })
    assert.deepEqual(currentState({ name: 'pending', since: 1000 }, 6000), { name: 'running', since: 6000 })
    assert.deepEqual(currentState({ name: 'stopping', since: 0 }, 10_000), { name: 'stopped', since: 5000 })
    assert.deepEqual(currentState({ name: 'shutting-down', since: 0 }, 5000), {
      name: 'terminated',
      since: 5000,
    })
    assert.deepEqual(currentState({ name: 'running', since: 0 }, 1e12), { name: 'running', since: 0 })
    assert.equal(isExpired({ name: 'terminated', since: 0 }, 3_599_999), false)
    assert.equal(isExpired({ name: 'terminated', since: 0 }, 3_600_000), true)
    assert.equal(isExpired({ name: 'stopped', since: 0 }, 1e12), false)
  })

  it('the image catalog has the same names in every region under different, stable ids', () => {
    const east = catalogImages('us-east-1')
    const west = catalogImages('eu-west-1')
    assert.deepEqual(
      east.map((i) => i.name),
      west.map((i) => i.name),
    )
    assert.notEqual(east[0]!.imageId, west[0]!.imageId)
    assert.match(east[0]!.imageId, /^ami-[0-9a-f]{17}$/)
    assert.equal(findCatalogImage('us-east-1', east[1]!.imageId)?.name, east[1]!.name)
    assert.equal(findCatalogImage('eu-west-1', east[1]!.imageId), undefined)
  })

  it('volume specs take AWS defaults and refuse what EC2 refuses', () => {
    assert.deepEqual(volumeSpec({ Size: 10 }, {}, owner), {
      size: 10,
      volumeType: 'gp2',
      iops: 100,
      encrypted: false,
    })
    assert.deepEqual(volumeSpec({ Size: 6000, VolumeType: 'gp2' }, {}, owner).iops, 16000)
    assert.deepEqual(volumeSpec({ Size: 10, VolumeType: 'gp3', Encrypted: true }, {}, owner), {
      size: 10,
      volumeType: 'gp3',
      iops: 3000,
      throughput: 125,
      encrypted: true,
      kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:alias/aws/ebs',
    })
    assert.throws(() => volumeSpec({ Size: 10, VolumeType: 'io1' }, {}, owner), { name: 'MissingParameter' })
    assert.throws(() => volumeSpec({ Size: 10, VolumeType: 'st1' }, {}, owner), {
      name: 'InvalidParameterValue',
    })
    assert.throws(() => volumeSpec({ Size: 10, VolumeType: 'gp2', Throughput: 200 }, {}, owner), {
      name: 'InvalidParameterCombination',
    })
    assert.throws(() => volumeSpec({ Size: 10, VolumeType: 'gp9' }, {}, owner), {
      name: 'InvalidParameterValue',
    })
  })

  it('block devices: the image root (resizable, not smaller than its snapshot) and extra EBS mappings', () => {
    const image = catalogImages('us-east-1')[0]!
    const devices = planDevices(
      image,
      [
        { DeviceName: '/dev/xvda', Ebs: { VolumeSize: 120, VolumeType: 'gp3' } },
        { DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' },
        { DeviceName: '/dev/sdf', Ebs: { VolumeSize: 5, DeleteOnTermination: false } },
      ],
      owner,
    )
    assert.deepEqual(
      devices.map((d) => [
        d.deviceName,
        d.spec.size,
        d.spec.volumeType,
        d.deleteOnTermination,
        d.spec.snapshotId !== undefined,
      ]),
      [
        ['/dev/xvda', 120, 'gp3', true, true],
        ['/dev/sdf', 5, 'gp2', false, false],
      ],
    )
    assert.throws(() => planDevices(image, [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8 } }], owner), {
      name: 'InvalidBlockDeviceMapping',
    })
    assert.throws(
      () =>
        planDevices(
          image,
          [
            { DeviceName: '/dev/sdf', Ebs: { VolumeSize: 1 } },
            { DeviceName: '/dev/sdf', Ebs: { VolumeSize: 1 } },
          ],
          owner,
        ),
      { name: 'InvalidBlockDeviceMapping' },
    )
  })

  it('quotas launch what fits between MinCount and MaxCount', () => {
    const quotas = { standardVcpus: 16, instances: 10 }
    assert.equal(launchable(quotas, { instances: 0, standardVcpus: 0 }, 'm5.xlarge', 1, 10), 4)
    assert.equal(launchable(quotas, { instances: 9, standardVcpus: 0 }, 'm5.xlarge', 1, 10), 1)
    assert.throws(() => launchable(quotas, { instances: 0, standardVcpus: 12 }, 'm5.xlarge', 2, 2), {
      name: 'VcpuLimitExceeded',
    })
    assert.throws(() => launchable(quotas, { instances: 10, standardVcpus: 0 }, 't3.medium', 1, 1), {
      name: 'InstanceLimitExceeded',
    })
    assert.equal(launchable(DEFAULT_QUOTAS, { instances: 0, standardVcpus: 0 }, 'm5.2xlarge', 1, 1000), 144)
  })
})
