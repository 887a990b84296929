import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import {
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2'
import { rhcosImage } from './compute-fixtures.js'

const MAIN = fileURLToPath(new URL('../../../src/main.ts', import.meta.url))

/** Starts `lanyard server` as a child process on an ephemeral port; resolves with it and its URL. */
function startChild(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', '--data-dir', dataDir], {
      env: { PATH: process.env.PATH, LANYARD_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let log = ''
    const onData = (chunk: Buffer) => {
      log += chunk.toString()
      const match = /"url":"(http:\/\/[^"]+)"/.exec(log)
      if (match) resolve({ child, url: match[1]! })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${log}`)))
  })
}

async function adminKeys(dataDir: string) {
  const text = await readFile(join(dataDir, 'credentials'), 'utf8')
  return {
    accessKeyId: /aws_access_key_id = (\S+)/.exec(text)![1]!,
    secretAccessKey: /aws_secret_access_key = (\S+)/.exec(text)![1]!,
  }
}

describe('e2e: EC2 crash safety', () => {
  it('every RunInstances acknowledged before a kill -9 is there after a restart, whole, with its volumes', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lanyard-crash-'))
    try {
      const first = await startChild(dataDir)
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
      await new Promise<void>((resolve) =>
        first.child.exitCode !== null ? resolve() : first.child.once('exit', () => resolve()),
      )
      assert.ok(acknowledged.length >= 60)
      const second = await startChild(dataDir)
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
        second.child.kill('SIGTERM')
        await new Promise((resolve) => second.child.once('exit', resolve))
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
