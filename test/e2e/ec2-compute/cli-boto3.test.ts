import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { CreateSubnetCommand, CreateVpcCommand, RunInstancesCommand } from '@aws-sdk/client-ec2'
import { AddRoleToInstanceProfileCommand, CreateInstanceProfileCommand } from '@aws-sdk/client-iam'
import {
  awsMissing,
  boto3Missing,
  type DebianClients,
  debianClients,
  PYTHON,
  run,
} from '../debian-clients.js'
import { iamClient } from '../sts/sts-fixtures.js'
import {
  ACCOUNT,
  type ComputeServer,
  createRole,
  rhcosImage,
  startComputeServer,
  trust,
} from './compute-fixtures.js'

/** boto3: launches with a client token (twice), pages DescribeInstances, and fails on an unknown type; prints JSON. */
const BOTO3_LAUNCH = `
import json, os, sys
import boto3, botocore
ec2 = boto3.Session().client("ec2", endpoint_url=os.environ["LANYARD_URL"])
args = dict(ImageId=sys.argv[1], InstanceType="m5.xlarge", MinCount=3, MaxCount=3, SubnetId=sys.argv[2],
            ClientToken="boto3-token", TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "via", "Value": "boto3"}]}])
first = ec2.run_instances(**args)
again = ec2.run_instances(**args)
ids = []
for page in ec2.get_paginator("describe_instances").paginate(
        Filters=[{"Name": "tag:via", "Values": ["boto3"]}], PaginationConfig={"PageSize": 5}):
    ids += [i["InstanceId"] for r in page["Reservations"] for i in r["Instances"]]
try:
    ec2.run_instances(**dict(args, InstanceType="x9.mega", ClientToken="other"))
    error = None
except botocore.exceptions.ClientError as e:
    error = [e.response["Error"]["Code"], e.response["Error"]["Message"]]
print(json.dumps({"same": first["ReservationId"] == again["ReservationId"], "count": len(first["Instances"]),
                  "ids": sorted(ids), "launched": sorted(i["InstanceId"] for i in first["Instances"]), "error": error}))
`

/** boto3 inside an instance: credentials from the instance metadata service only; prints the caller. */
const BOTO3_INSTANCE = `
import json, os
import boto3
session = boto3.Session()
creds = session.get_credentials()
sts = session.client("sts", endpoint_url=os.environ["LANYARD_URL"], region_name="us-east-1")
print(json.dumps({"method": creds.method, "arn": sts.get_caller_identity()["Arn"]}))
`

describe('e2e: EC2 compute through the AWS CLI and boto3', () => {
  let server: ComputeServer
  let clients: DebianClients
  let home: string
  let subnetId = ''
  before(async () => {
    server = await startComputeServer()
    home = await mkdtemp(join(tmpdir(), 'lanyard-home-'))
    clients = debianClients(server, { HOME: home })
    await createRole(
      server.url,
      server.admin,
      server.app.store,
      'node',
      trust({ Service: 'ec2.amazonaws.com' }),
    )
    const iam = iamClient(server.url, server.admin, server.clock.offsetMs)
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'node-profile' }))
    await iam.send(
      new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'node-profile', RoleName: 'node' }),
    )
    const vpc = (await server.ec2().send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!
    subnetId = (
      await server
        .ec2()
        .send(
          new CreateSubnetCommand({ VpcId: vpc, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1b' }),
        )
    ).Subnet!.SubnetId!
  })
  after(async () => {
    await server.stop()
    await rm(home, { recursive: true, force: true })
  })

  it('aws ec2: run-instances with block devices and a profile, stop/start/terminate, volumes', {
    skip: awsMissing,
  }, async () => {
    const out = await clients.aws(
      'ec2',
      'run-instances',
      '--image-id',
      rhcosImage(),
      '--instance-type',
      'm6i.xlarge',
      '--count',
      '1',
      '--subnet-id',
      subnetId,
      '--iam-instance-profile',
      'Name=node-profile',
      '--block-device-mappings',
      '[{"DeviceName":"/dev/xvda","Ebs":{"VolumeSize":120,"VolumeType":"gp3"}}]',
      '--tag-specifications',
      'ResourceType=instance,Tags=[{Key=Name,Value=cli}]',
    )
    const instance = out.Instances[0]
    assert.equal(instance.State.Name, 'pending')
    assert.equal(instance.Placement.AvailabilityZone, 'us-east-1b')
    assert.equal(instance.SecurityGroups[0].GroupName, 'default')
    assert.equal(instance.IamInstanceProfile.Arn, `arn:aws:iam::${ACCOUNT}:instance-profile/node-profile`)
    const id = instance.InstanceId
    server.clock.advance(6_000)
    const running = await clients.aws(
      'ec2',
      'describe-instances',
      '--filters',
      'Name=instance-state-name,Values=running',
      'Name=tag:Name,Values=cli',
    )
    assert.equal(running.Reservations[0].Instances[0].InstanceId, id)
    const stop = await clients.aws('ec2', 'stop-instances', '--instance-ids', id)
    assert.equal(stop.StoppingInstances[0].CurrentState.Name, 'stopping')
    server.clock.advance(6_000)
    await clients.aws(
      'ec2',
      'modify-instance-attribute',
      '--instance-id',
      id,
      '--instance-type',
      'Value=m6i.2xlarge',
    )
    const type = await clients.aws(
      'ec2',
      'describe-instance-attribute',
      '--instance-id',
      id,
      '--attribute',
      'instanceType',
    )
    assert.equal(type.InstanceType.Value, 'm6i.2xlarge')
    assert.equal(
      (await clients.aws('ec2', 'start-instances', '--instance-ids', id)).StartingInstances[0].CurrentState
        .Name,
      'pending',
    )
    server.clock.advance(6_000)
    const volume = await clients.aws(
      'ec2',
      'create-volume',
      '--availability-zone',
      'us-east-1b',
      '--size',
      '20',
      '--volume-type',
      'gp2',
    )
    assert.equal(volume.Iops, 100)
    server.clock.advance(2_000)
    await clients.aws(
      'ec2',
      'attach-volume',
      '--volume-id',
      volume.VolumeId,
      '--instance-id',
      id,
      '--device',
      '/dev/sdf',
    )
    const volumes = await clients.aws(
      'ec2',
      'describe-volumes',
      '--filters',
      `Name=attachment.instance-id,Values=${id}`,
    )
    assert.deepEqual(volumes.Volumes.map((v: { Size: number }) => v.Size).sort(), [120, 20])
    await clients.aws('ec2', 'detach-volume', '--volume-id', volume.VolumeId)
    await clients.aws('ec2', 'delete-volume', '--volume-id', volume.VolumeId)
    const images = await clients.aws(
      'ec2',
      'describe-images',
      '--owners',
      '531415883065',
      '--filters',
      'Name=architecture,Values=x86_64',
    )
    assert.ok(images.Images.length >= 2)
    const term = await clients.aws('ec2', 'terminate-instances', '--instance-ids', id)
    assert.equal(term.TerminatingInstances[0].CurrentState.Name, 'shutting-down')
    await assert.rejects(
      clients.aws('ec2', 'start-instances', '--instance-ids', id),
      (error: Error & { stderr?: string }) => {
        assert.match(
          error.stderr ?? '',
          new RegExp(
            `An error occurred \\(IncorrectInstanceState\\) when calling the StartInstances operation: The instance '${id}' is not in a state from which it can be started\\.`,
          ),
        )
        return true
      },
    )
  })

  it('boto3: ClientToken, paging and an unknown instance type', { skip: boto3Missing }, async () => {
    const out = (await clients.python(BOTO3_LAUNCH, [rhcosImage(), subnetId])) as {
      same: boolean
      count: number
      ids: string[]
      launched: string[]
      error: string[]
    }
    assert.equal(out.same, true)
    assert.equal(out.count, 3)
    assert.deepEqual(out.ids, out.launched)
    assert.deepEqual(out.error, ['InvalidParameterValue', "Invalid value 'x9.mega' for InstanceType."])
  })

  it('boto3 on an instance: the instance-metadata credential provider gets the role session', {
    skip: boto3Missing,
  }, async () => {
    const out = await server.ec2().send(
      new RunInstancesCommand({
        ImageId: rhcosImage(),
        InstanceType: 't3.medium',
        MinCount: 1,
        MaxCount: 1,
        SubnetId: subnetId,
        IamInstanceProfile: { Name: 'node-profile' },
      }),
    )
    const id = out.Instances![0]!.InstanceId!
    server.clock.advance(6_000)
    const instanceEnv = {
      PATH: process.env.PATH,
      HOME: home,
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_EC2_METADATA_SERVICE_ENDPOINT: `${server.url}/_lanyard/imds/${id}/`,
      LANYARD_URL: server.url,
    }
    const { stdout } = await run(PYTHON, ['-c', BOTO3_INSTANCE], { env: instanceEnv })
    assert.deepEqual(JSON.parse(stdout), {
      method: 'iam-role',
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/node/${id}`,
    })
  })
})
