import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateVolumeCommand,
  DeleteVpcCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcsCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2'
import { MODELS } from '../../src/models/index.js'
import { parseRequest, serializeError, serializeResponse } from '../../src/protocol/index.js'
import { CaptureServer, toWire } from './capture-server.js'

const server = new CaptureServer()
let ec2: EC2Client

before(async () => {
  ec2 = new EC2Client({
    endpoint: await server.start(),
    region: 'eu-west-1',
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'secret' },
  })
})
after(async () => {
  ec2.destroy()
  await server.stop()
})

function parsed(operation: string): Record<string, unknown> {
  const result = parseRequest('ec2', MODELS.ec2, operation, toWire(server.last))
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.error))
  return result.input
}

const withoutMetadata = ({ $metadata: _, ...rest }: { $metadata: unknown }): Record<string, unknown> => rest

describe('SDK v3 EC2: requests are parsed back with the ec2 naming rules', () => {
  it('RunInstances with block devices, tags on create and an instance profile', async () => {
    const input = {
      ImageId: 'ami-1',
      InstanceType: 'm5.xlarge' as const,
      MinCount: 1,
      MaxCount: 3,
      SubnetId: 'subnet-1',
      SecurityGroupIds: ['sg-1', 'sg-2'],
      IamInstanceProfile: { Name: 'worker' },
      BlockDeviceMappings: [
        { DeviceName: '/dev/xvda', Ebs: { VolumeSize: 120, VolumeType: 'gp3' as const, Encrypted: true } },
      ],
      TagSpecifications: [{ ResourceType: 'instance' as const, Tags: [{ Key: 'Name', Value: 'm0' }] }],
      UserData: 'e30=',
    }
    server.next = serializeResponse('ec2', MODELS.ec2, 'RunInstances', {}, 'r')
    await ec2.send(new RunInstancesCommand(input))
    const input2 = parsed('RunInstances')
    // AWS: SDK v3 fills ClientToken for idempotency.
    assert.equal(typeof input2.ClientToken, 'string')
    assert.deepEqual(input2, { ...input, ClientToken: input2.ClientToken })
  })

  it('DescribeInstances with ids, filters and pagination', async () => {
    const input = {
      InstanceIds: ['i-1', 'i-2'],
      Filters: [
        { Name: 'vpc-id', Values: ['vpc-1', 'vpc-2'] },
        { Name: 'tag:Name', Values: ['x'] },
      ],
      MaxResults: 50,
      NextToken: 'n',
    }
    server.next = serializeResponse('ec2', MODELS.ec2, 'DescribeInstances', {}, 'r')
    await ec2.send(new DescribeInstancesCommand(input))
    assert.deepEqual(parsed('DescribeInstances'), input)
  })

  it('AuthorizeSecurityGroupIngress with lowerCamel nested names', async () => {
    const input = {
      GroupId: 'sg-1',
      IpPermissions: [
        {
          IpProtocol: 'tcp',
          FromPort: 6443,
          ToPort: 6443,
          IpRanges: [{ CidrIp: '10.0.0.0/16', Description: 'api' }],
          UserIdGroupPairs: [{ GroupId: 'sg-2' }],
        },
      ],
    }
    server.next = serializeResponse('ec2', MODELS.ec2, 'AuthorizeSecurityGroupIngress', { Return: true }, 'r')
    await ec2.send(new AuthorizeSecurityGroupIngressCommand(input))
    assert.deepEqual(parsed('AuthorizeSecurityGroupIngress'), input)
  })
})

describe('SDK v3 EC2: responses are read by the real client', () => {
  it('DescribeVpcs with tags', async () => {
    const output = {
      Vpcs: [
        {
          CidrBlock: '10.0.0.0/16',
          State: 'available' as const,
          VpcId: 'vpc-1',
          OwnerId: '111122223333',
          IsDefault: false,
          Tags: [{ Key: 'Name', Value: 'x' }],
        },
      ],
    }
    server.next = serializeResponse('ec2', MODELS.ec2, 'DescribeVpcs', output, 'req-vpc')
    const result = await ec2.send(new DescribeVpcsCommand({}))
    assert.equal(result.$metadata.requestId, 'req-vpc')
    assert.deepEqual(withoutMetadata(result), output)
  })

  it('DescribeVpcs with nothing found gives an empty list', async () => {
    server.next = serializeResponse('ec2', MODELS.ec2, 'DescribeVpcs', {}, 'r')
    assert.deepEqual(withoutMetadata(await ec2.send(new DescribeVpcsCommand({}))), { Vpcs: [] })
  })

  it('DescribeSecurityGroups with rules (irregular names such as groupDescription)', async () => {
    const output = {
      SecurityGroups: [
        {
          Description: 'nodes',
          GroupName: 'n',
          IpPermissions: [
            { FromPort: 22, IpProtocol: 'tcp', IpRanges: [{ CidrIp: '0.0.0.0/0' }], ToPort: 22 },
          ],
          OwnerId: '111122223333',
          GroupId: 'sg-1',
          VpcId: 'vpc-1',
        },
      ],
    }
    server.next = serializeResponse('ec2', MODELS.ec2, 'DescribeSecurityGroups', output, 'r')
    assert.deepEqual(withoutMetadata(await ec2.send(new DescribeSecurityGroupsCommand({}))), output)
  })

  it('CreateVolume with a timestamp', async () => {
    const output = {
      AvailabilityZone: 'eu-west-1a',
      CreateTime: new Date('2026-11-28T10:00:00.123Z'),
      Size: 8,
      State: 'creating' as const,
      VolumeId: 'vol-1',
      VolumeType: 'gp3' as const,
    }
    server.next = serializeResponse('ec2', MODELS.ec2, 'CreateVolume', output, 'r')
    const result = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'eu-west-1a', Size: 8 }))
    assert.deepEqual(withoutMetadata(result), output)
  })

  it('DeleteVpc (no output) succeeds', async () => {
    server.next = serializeResponse('ec2', MODELS.ec2, 'DeleteVpc', undefined, 'r-del')
    assert.equal((await ec2.send(new DeleteVpcCommand({ VpcId: 'vpc-1' }))).$metadata.requestId, 'r-del')
  })

  it('DryRunOperation is raised with its code, status and message', async () => {
    const message = 'Request would have succeeded, but DryRun flag is set.'
    server.next = serializeError(
      'ec2',
      MODELS.ec2,
      { code: 'DryRunOperation', status: 412, message },
      'r-dry',
    )
    await assert.rejects(
      ec2.send(new DeleteVpcCommand({ VpcId: 'vpc-1', DryRun: true })),
      (e: Error & { $metadata: { httpStatusCode?: number; requestId?: string } }) => {
        assert.equal(e.name, 'DryRunOperation')
        assert.equal(e.message, message)
        assert.equal(e.$metadata.httpStatusCode, 412)
        assert.equal(e.$metadata.requestId, 'r-dry')
        return true
      },
    )
  })
})
