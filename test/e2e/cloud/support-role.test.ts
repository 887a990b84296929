import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'
import {
  CreateSecurityGroupCommand,
  CreateSnapshotCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteVpcCommand,
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  EC2Client,
  RunInstancesCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2'
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  IAMClient,
} from '@aws-sdk/client-iam'
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'
import { catalogImages } from '../../../src/services/ec2/compute/image-catalog.js'
import { startTestServer, type TestServer } from '../start.js'

const ACCOUNT = '000000000000'
const REGION = 'us-east-1'
const SUPPORT_POLICY = new URL('../../../data/rosa/4.22/support.permission-policy.json', import.meta.url)
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
  ],
})

type Keys = { accessKeyId: string; secretAccessKey: string; sessionToken?: string }

/** The AWS error code a call fails with. */
async function codeOf(call: Promise<unknown>): Promise<string> {
  return call.then(
    () => assert.fail('the call succeeded'),
    (error: Error) => error.name,
  )
}

describe('e2e: a session of the ROSA Support role: reads, snapshots and instance lifecycle only (SDK v3)', () => {
  let server: TestServer
  let support: Keys
  let instanceId: string
  let vpcId: string
  const ec2 = (keys: Keys) =>
    new EC2Client({ endpoint: server.url, region: REGION, credentials: keys, maxAttempts: 1 })
  const s3 = (keys: Keys) =>
    new S3Client({
      endpoint: server.url,
      region: REGION,
      credentials: keys,
      forcePathStyle: true,
      maxAttempts: 1,
    })

  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
    const admin = server.credentials
    const vpc = await ec2(admin).send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))
    const subnet = await ec2(admin).send(
      new CreateSubnetCommand({
        VpcId: vpc.Vpc!.VpcId!,
        CidrBlock: '10.0.1.0/24',
        AvailabilityZone: `${REGION}a`,
      }),
    )
    vpcId = vpc.Vpc!.VpcId!
    const image = catalogImages(REGION).find((i) => i.architecture === 'x86_64')!.imageId
    const run = await ec2(admin).send(
      new RunInstancesCommand({
        ImageId: image,
        InstanceType: 'm5.xlarge',
        MinCount: 1,
        MaxCount: 1,
        SubnetId: subnet.Subnet!.SubnetId!,
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 120, VolumeType: 'gp3' } }],
      }),
    )
    instanceId = run.Instances![0]!.InstanceId!
    for (const bucket of ['c1-image-registry-us-east-1-abc', 'c1-other'])
      await s3(admin).send(new CreateBucketCommand({ Bucket: bucket }))
    await s3(admin).send(
      new PutObjectCommand({ Bucket: 'c1-image-registry-us-east-1-abc', Key: 'docker/registry', Body: 'x' }),
    )
    const iam = new IAMClient({ endpoint: server.url, region: REGION, credentials: admin })
    const policy = await iam.send(
      new CreatePolicyCommand({
        PolicyName: 'ManagedOpenShift-Support-Role-Policy',
        PolicyDocument: await readFile(SUPPORT_POLICY, 'utf8'),
      }),
    )
    await iam.send(
      new CreateRoleCommand({ RoleName: 'ManagedOpenShift-Support-Role', AssumeRolePolicyDocument: TRUST }),
    )
    await iam.send(
      new AttachRolePolicyCommand({
        RoleName: 'ManagedOpenShift-Support-Role',
        PolicyArn: policy.Policy!.Arn!,
      }),
    )
    const assumed = await new STSClient({ endpoint: server.url, region: REGION, credentials: admin }).send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${ACCOUNT}:role/ManagedOpenShift-Support-Role`,
        RoleSessionName: 'sre',
      }),
    )
    const c = assumed.Credentials!
    support = {
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken!,
    }
  })
  after(() => server.stop())

  it('describes instances and volumes, and may snapshot a volume', async () => {
    const described = await ec2(support).send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }))
    assert.equal(described.Reservations![0]!.Instances![0]!.InstanceId, instanceId)
    const volumes = await ec2(support).send(
      new DescribeVolumesCommand({ Filters: [{ Name: 'attachment.instance-id', Values: [instanceId] }] }),
    )
    const volumeId = volumes.Volumes![0]!.VolumeId!
    const snapshot = await ec2(support).send(new CreateSnapshotCommand({ VolumeId: volumeId }))
    assert.match(snapshot.SnapshotId ?? '', /^snap-/)
  })

  it('may not build or remove network and storage: UnauthorizedOperation', async () => {
    const calls: Promise<unknown>[] = [
      ec2(support).send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16' })),
      ec2(support).send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.2.0/24' })),
      ec2(support).send(new CreateSecurityGroupCommand({ GroupName: 'sre', Description: 'x', VpcId: vpcId })),
      ec2(support).send(new DeleteVpcCommand({ VpcId: vpcId })),
    ]
    for (const call of calls) assert.equal(await codeOf(call), 'UnauthorizedOperation')
  })

  it('may stop an instance: the 4.22 Support policy grants the instance lifecycle', async () => {
    // DryRun answers DryRunOperation only once authorization has allowed the call.
    assert.equal(
      await codeOf(ec2(support).send(new StopInstancesCommand({ InstanceIds: [instanceId], DryRun: true }))),
      'DryRunOperation',
    )
  })

  it('lists only the image-registry and velero buckets, and reads no object', async () => {
    const listed = await s3(support).send(
      new ListObjectsV2Command({ Bucket: 'c1-image-registry-us-east-1-abc' }),
    )
    assert.deepEqual(
      listed.Contents?.map((o) => o.Key),
      ['docker/registry'],
    )
    assert.equal(
      await codeOf(s3(support).send(new ListObjectsV2Command({ Bucket: 'c1-other' }))),
      'AccessDenied',
    )
    assert.equal(
      await codeOf(
        s3(support).send(
          new GetObjectCommand({ Bucket: 'c1-image-registry-us-east-1-abc', Key: 'docker/registry' }),
        ),
      ),
      'AccessDenied',
    )
  })
})
