import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import {
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2'
import { adminKeys, spawnServer } from '../server-process.js'
import { rhcosImage } from './compute-fixtures.js'

/** `lanyard server` at info level, with nothing of this process's environment but PATH. */
const SERVER_ENV = { PATH: process.env.PATH, LANYARD_LOG_LEVEL: 'info' }

describe('e2e: EC2 crash safety', () => {
  it('every RunInstances acknowledged before a kill -9 is there after a restart, whole, with its volumes', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lanyard-crash-'))
    try {
      const first = await spawnServer(dataDir, SERVER_ENV)
      const keys = await adminKeys(dataDir)
      const client = (url: string) =>
        new EC2Client({ endpoint: url, region: 'us-east-1', credentials: keys, maxAttempts: 1 })
      const ec2 = client(first.url)
      const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!
      const subnet = (await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: '10.0.0.0/20' })))
        .Subnet!.SubnetId!
      const acknowledged: string[] = []
      let n = 0
      // Four streams of launches; the server is killed once 30 were acknowledged, mid-stream.
      const stream = async () => {
        for (;;) {
          const token = `crash-${n++}`
          try {
            const out = await ec2.send(
              new RunInstancesCommand({
                ImageId: rhcosImage(),
                InstanceType: 't3.medium',
                MinCount: 2,
                MaxCount: 2,
                SubnetId: subnet,
                ClientToken: token,
                BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 1 } }],
              }),
            )
            acknowledged.push(...out.Instances!.map((i) => i.InstanceId!))
            if (acknowledged.length >= 60 && first.child.exitCode === null) first.child.kill('SIGKILL')
          } catch {
            return
          }
        }
      }
      await Promise.all([stream(), stream(), stream(), stream()])
      await first.stop('SIGKILL')
      assert.ok(acknowledged.length >= 60)
      const second = await spawnServer(dataDir, SERVER_ENV)
      try {
        const after = client(second.url)
        const reservations = (await after.send(new DescribeInstancesCommand({}))).Reservations!
        const instances = reservations.flatMap((r) => r.Instances!)
        const ids = new Set(instances.map((i) => i.InstanceId!))
        for (const id of acknowledged) assert.ok(ids.has(id), `acknowledged instance ${id} is missing`)
        // Nothing half-written: every reservation has both its instances, every instance both its volumes.
        for (const reservation of reservations) assert.equal(reservation.Instances!.length, 2)
        const volumes = (await after.send(new DescribeVolumesCommand({}))).Volumes!
        assert.equal(volumes.length, instances.length * 2)
        for (const instance of instances)
          for (const device of instance.BlockDeviceMappings!)
            assert.ok(
              volumes.some(
                (v) =>
                  v.VolumeId === device.Ebs!.VolumeId &&
                  v.Attachments![0]!.InstanceId === instance.InstanceId,
              ),
            )
      } finally {
        await second.stop('SIGTERM')
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
