import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { awsMissing, boto3Missing, type DebianClients, startServerWithClients } from '../debian-clients.js'
import type { TestServer } from '../start.js'

/** boto3: a VPC network with tags on create, a paginator over subnets, filters, a DryRun and an error; prints JSON. */
const BOTO3_SCRIPT = `
import json, os
import boto3, botocore
ec2 = boto3.Session().client("ec2", endpoint_url=os.environ["LANYARD_URL"])
vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16", TagSpecifications=[
    {"ResourceType": "vpc", "Tags": [{"Key": "Name", "Value": "py"}]}])["Vpc"]
for i in range(6):
    ec2.create_subnet(VpcId=vpc["VpcId"], CidrBlock="10.20.%d.0/24" % i, AvailabilityZone="us-east-1b",
                      TagSpecifications=[{"ResourceType": "subnet", "Tags": [{"Key": "i", "Value": str(i)}]}])
pages = [len(p["Subnets"]) for p in ec2.get_paginator("describe_subnets").paginate(
    Filters=[{"Name": "vpc-id", "Values": [vpc["VpcId"]]}], PaginationConfig={"PageSize": 5})]
tagged = ec2.describe_vpcs(Filters=[{"Name": "tag:Name", "Values": ["p?"]}])["Vpcs"]
sg = ec2.create_security_group(GroupName="web", Description="web", VpcId=vpc["VpcId"])["GroupId"]
ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=[
    {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
group = ec2.describe_security_groups(GroupIds=[sg])["SecurityGroups"][0]
def error(call, **kwargs):
    try:
        call(**kwargs)
    except botocore.exceptions.ClientError as e:
        return [e.response["Error"]["Code"], e.response["Error"]["Message"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
tags = ec2.describe_tags(Filters=[{"Name": "resource-type", "Values": ["subnet"]}, {"Name": "key", "Values": ["i"]}])["Tags"]
print(json.dumps({"pages": pages, "tagged": [v["VpcId"] for v in tagged], "vpc": vpc["VpcId"],
                  "ingress": group["IpPermissions"], "tags": len(tags),
                  "dryRun": error(ec2.create_internet_gateway, DryRun=True),
                  "conflict": error(ec2.create_subnet, VpcId=vpc["VpcId"], CidrBlock="10.20.0.0/20"),
                  "dependency": error(ec2.delete_vpc, VpcId=vpc["VpcId"])}))
`

describe('e2e: EC2 networking through the AWS CLI and boto3', () => {
  let server: TestServer
  let clients: DebianClients
  before(async () => {
    ;({ server, clients } = await startServerWithClients())
  })
  after(() => server.stop())

  it('aws ec2: VPC, subnet, gateway, route, key pair, DryRun and an error', {
    skip: awsMissing,
  }, async () => {
    const vpc = (
      await clients.aws(
        'ec2',
        'create-vpc',
        '--cidr-block',
        '10.10.0.0/16',
        '--tag-specifications',
        'ResourceType=vpc,Tags=[{Key=Name,Value=cli}]',
      )
    ).Vpc
    assert.equal(vpc.CidrBlock, '10.10.0.0/16')
    const subnet = (
      await clients.aws('ec2', 'create-subnet', '--vpc-id', vpc.VpcId, '--cidr-block', '10.10.1.0/24')
    ).Subnet
    assert.equal(subnet.AvailableIpAddressCount, 251)
    const igw = (await clients.aws('ec2', 'create-internet-gateway')).InternetGateway
    await clients.aws(
      'ec2',
      'attach-internet-gateway',
      '--internet-gateway-id',
      igw.InternetGatewayId,
      '--vpc-id',
      vpc.VpcId,
    )
    const rtb = (await clients.aws('ec2', 'create-route-table', '--vpc-id', vpc.VpcId)).RouteTable
    assert.deepEqual(
      await clients.aws(
        'ec2',
        'create-route',
        '--route-table-id',
        rtb.RouteTableId,
        '--destination-cidr-block',
        '0.0.0.0/0',
        '--gateway-id',
        igw.InternetGatewayId,
      ),
      { Return: true },
    )
    const found = await clients.aws(
      'ec2',
      'describe-vpcs',
      '--filters',
      'Name=tag:Name,Values=cli',
      '--query',
      'Vpcs[].VpcId',
    )
    assert.deepEqual(found, [vpc.VpcId])
    const key = await clients.aws('ec2', 'create-key-pair', '--key-name', 'cli', '--key-type', 'ed25519')
    assert.match(key.KeyMaterial, /^-----BEGIN OPENSSH PRIVATE KEY-----/)
    assert.match(
      await clients.awsError('ec2', 'create-vpc', '--cidr-block', '10.11.0.0/16', '--dry-run'),
      /An error occurred \(DryRunOperation\) when calling the CreateVpc operation: Request would have succeeded, but DryRun flag is set\./,
    )
    assert.match(
      await clients.awsError(
        'ec2',
        'delete-internet-gateway',
        '--internet-gateway-id',
        igw.InternetGatewayId,
      ),
      /\(DependencyViolation\) when calling the DeleteInternetGateway operation: The internetGateway '.+' has dependencies and cannot be deleted\./,
    )
  })

  it('boto3: tags on create, the subnet paginator, filters and error codes', {
    skip: boto3Missing,
  }, async () => {
    const out = await clients.python(BOTO3_SCRIPT)
    assert.deepEqual(out.pages, [5, 1])
    assert.deepEqual(out.tagged, [out.vpc])
    assert.equal(out.tags, 6)
    assert.deepEqual(out.ingress, [
      {
        IpProtocol: 'tcp',
        FromPort: 443,
        ToPort: 443,
        IpRanges: [{ CidrIp: '0.0.0.0/0' }],
        Ipv6Ranges: [],
        PrefixListIds: [],
        UserIdGroupPairs: [],
      },
    ])
    assert.deepEqual(out.dryRun, [
      'DryRunOperation',
      'Request would have succeeded, but DryRun flag is set.',
      412,
    ])
    assert.deepEqual(out.conflict, [
      'InvalidSubnet.Conflict',
      "The CIDR '10.20.0.0/20' conflicts with another subnet",
      400,
    ])
    assert.deepEqual(out.dependency, [
      'DependencyViolation',
      `The vpc '${out.vpc}' has dependencies and cannot be deleted.`,
      400,
    ])
  })
})
