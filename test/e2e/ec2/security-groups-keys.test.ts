import assert from 'node:assert/strict'
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateKeyPairCommand,
  CreateSecurityGroupCommand,
  CreateVpcCommand,
  DeleteKeyPairCommand,
  DeleteSecurityGroupCommand,
  DescribeKeyPairsCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  type EC2Client,
  ImportKeyPairCommand,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
} from '@aws-sdk/client-ec2'
import { startTestServer, type TestServer } from '../start.js'
import { ACCOUNT, ec2Client, rejectsWith } from './ec2-fixtures.js'

describe('e2e: EC2 security groups and key pairs (SDK v3)', () => {
  let server: TestServer
  let ec2: EC2Client
  let vpcId: string

  before(async () => {
    server = await startTestServer()
    ec2 = ec2Client(server.url, server.credentials)
    vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!
  })
  after(() => server.stop())

  it('creates groups with the default egress rule, adds and revokes rules, and refuses duplicates', async () => {
    const groups = (
      await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))
    ).SecurityGroups!
    assert.equal(groups.length, 1)
    const byDefault = groups[0]!
    assert.equal(byDefault.GroupName, 'default')
    assert.deepEqual(byDefault.IpPermissions![0]!.UserIdGroupPairs, [
      { GroupId: byDefault.GroupId, UserId: ACCOUNT },
    ])
    await rejectsWith(
      ec2.send(new DeleteSecurityGroupCommand({ GroupId: byDefault.GroupId })),
      'CannotDelete',
      400,
      `the specified group: "${byDefault.GroupId}" name: "default" cannot be deleted by a user`,
    )

    const lb = (
      await ec2.send(
        new CreateSecurityGroupCommand({ GroupName: 'lb', Description: 'load balancer', VpcId: vpcId }),
      )
    ).GroupId!
    const node = (
      await ec2.send(
        new CreateSecurityGroupCommand({
          GroupName: 'node',
          Description: 'nodes',
          VpcId: vpcId,
          TagSpecifications: [{ ResourceType: 'security-group', Tags: [{ Key: 'Name', Value: 'node' }] }],
        }),
      )
    ).GroupId!
    await rejectsWith(
      ec2.send(new CreateSecurityGroupCommand({ GroupName: 'lb', Description: 'again', VpcId: vpcId })),
      'InvalidGroup.Duplicate',
      400,
      `The security group 'lb' already exists for VPC '${vpcId}'`,
    )
    const added = await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: node,
        IpPermissions: [
          {
            IpProtocol: 'tcp',
            FromPort: 22,
            ToPort: 22,
            IpRanges: [{ CidrIp: '10.0.0.0/16', Description: 'ssh' }],
          },
          { IpProtocol: 'tcp', FromPort: 30000, ToPort: 32767, UserIdGroupPairs: [{ GroupId: lb }] },
        ],
      }),
    )
    assert.equal(added.Return, true)
    assert.deepEqual(
      added.SecurityGroupRules!.map((r) => [
        r.IsEgress,
        r.IpProtocol,
        r.FromPort,
        r.ToPort,
        r.CidrIpv4,
        r.ReferencedGroupInfo?.GroupId,
      ]),
      [
        [false, 'tcp', 22, 22, '10.0.0.0/16', undefined],
        [false, 'tcp', 30000, 32767, undefined, lb],
      ],
    )
    await rejectsWith(
      ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: node,
          IpPermissions: [
            { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/16' }] },
          ],
        }),
      ),
      'InvalidPermission.Duplicate',
      400,
      'the specified rule "peer: 10.0.0.0/16, TCP, from port: 22, to port: 22, ALLOW" already exists',
    )
    const described = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [node] })))
      .SecurityGroups![0]!
    assert.deepEqual(described.IpPermissions![0], {
      IpProtocol: 'tcp',
      FromPort: 22,
      ToPort: 22,
      IpRanges: [{ CidrIp: '10.0.0.0/16', Description: 'ssh' }],
      Ipv6Ranges: [],
      PrefixListIds: [],
      UserIdGroupPairs: [],
    })
    assert.deepEqual(described.IpPermissionsEgress, [
      {
        IpProtocol: '-1',
        IpRanges: [{ CidrIp: '0.0.0.0/0' }],
        Ipv6Ranges: [],
        PrefixListIds: [],
        UserIdGroupPairs: [],
      },
    ])
    const byRule = await ec2.send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'ip-permission.group-id', Values: [lb] }] }),
    )
    assert.deepEqual(
      byRule.SecurityGroups!.map((g) => g.GroupId),
      [node],
    )
    await rejectsWith(
      ec2.send(new DeleteSecurityGroupCommand({ GroupId: lb })),
      'DependencyViolation',
      400,
      `resource ${lb} has a dependent object`,
    )

    const rules = (
      await ec2.send(
        new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [node] }] }),
      )
    ).SecurityGroupRules!
    assert.equal(rules.length, 3)
    const egress = rules.find((r) => r.IsEgress)!
    assert.equal(egress.FromPort, -1)
    await ec2.send(
      new RevokeSecurityGroupEgressCommand({
        GroupId: node,
        SecurityGroupRuleIds: [egress.SecurityGroupRuleId!],
      }),
    )
    await ec2.send(
      new AuthorizeSecurityGroupEgressCommand({
        GroupId: node,
        IpPermissions: [
          { IpProtocol: 'udp', FromPort: 53, ToPort: 53, IpRanges: [{ CidrIp: '10.0.0.2/32' }] },
        ],
      }),
    )
    await ec2.send(
      new RevokeSecurityGroupIngressCommand({
        GroupId: node,
        IpPermissions: [
          { IpProtocol: 'tcp', FromPort: 30000, ToPort: 32767, UserIdGroupPairs: [{ GroupId: lb }] },
        ],
      }),
    )
    await rejectsWith(
      ec2.send(
        new RevokeSecurityGroupIngressCommand({
          GroupId: node,
          IpPermissions: [
            { IpProtocol: 'tcp', FromPort: 30000, ToPort: 32767, UserIdGroupPairs: [{ GroupId: lb }] },
          ],
        }),
      ),
      'InvalidPermission.NotFound',
      400,
      'The specified rule does not exist in this security group.',
    )
    await ec2.send(new DeleteSecurityGroupCommand({ GroupId: lb }))
    await rejectsWith(
      ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [lb] })),
      'InvalidGroup.NotFound',
      400,
      `The security group '${lb}' does not exist`,
    )
  })

  it('creates RSA and Ed25519 key pairs whose private keys work, imports public keys, describes and deletes them', async () => {
    const rsa = await ec2.send(new CreateKeyPairCommand({ KeyName: 'installer' }))
    assert.match(rsa.KeyPairId!, /^key-[0-9a-f]{17}$/)
    assert.match(rsa.KeyMaterial!, /^-----BEGIN RSA PRIVATE KEY-----\n/)
    const rsaKey = createPrivateKey(rsa.KeyMaterial!)
    const pkcs8 = rsaKey.export({ type: 'pkcs8', format: 'der' })
    assert.equal(
      rsa.KeyFingerprint,
      createHash('sha1')
        .update(pkcs8)
        .digest('hex')
        .replace(/(..)(?!$)/g, '$1:'),
    )
    const ed = await ec2.send(new CreateKeyPairCommand({ KeyName: 'ed', KeyType: 'ed25519' }))
    assert.match(ed.KeyMaterial!, /^-----BEGIN OPENSSH PRIVATE KEY-----\n/)
    await rejectsWith(
      ec2.send(new CreateKeyPairCommand({ KeyName: 'installer' })),
      'InvalidKeyPair.Duplicate',
      400,
      "The keypair 'installer' already exists.",
    )

    // The public key EC2 keeps verifies what the returned private key signs.
    const listed = (
      await ec2.send(new DescribeKeyPairsCommand({ KeyNames: ['installer'], IncludePublicKey: true }))
    ).KeyPairs!
    assert.equal(listed[0]!.KeyType, 'rsa')
    const blob = Buffer.from(listed[0]!.PublicKey!.split(' ')[1]!, 'base64')
    const field = (at: number) => blob.subarray(at + 4, at + 4 + blob.readUInt32BE(at))
    const e = field(4 + 7)
    const n = field(4 + 7 + 4 + e.length)
    const pub = createPublicKey({
      key: { kty: 'RSA', e: e.toString('base64url'), n: n.toString('base64url') },
      format: 'jwk',
    })
    assert.ok(verify('sha256', Buffer.from('x'), pub, sign('sha256', Buffer.from('x'), rsaKey)))

    const { publicKey } = generateKeyPairSync('ed25519')
    const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url')
    const sshString = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b])
    const edBlob = Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(raw)])
    const imported = await ec2.send(
      new ImportKeyPairCommand({
        KeyName: 'mine',
        PublicKeyMaterial: Buffer.from(`ssh-ed25519 ${edBlob.toString('base64')} me@host`),
      }),
    )
    assert.equal(imported.KeyFingerprint, createHash('sha256').update(edBlob).digest('base64'))
    await rejectsWith(
      ec2.send(new ImportKeyPairCommand({ KeyName: 'bad', PublicKeyMaterial: Buffer.from('not a key') })),
      'InvalidKey.Format',
      400,
      'Key is not in valid OpenSSH public key format',
    )
    const all = (
      await ec2.send(new DescribeKeyPairsCommand({ Filters: [{ Name: 'key-type', Values: ['ed25519'] }] }))
    ).KeyPairs!
    assert.deepEqual(all.map((k) => k.KeyName).sort(), ['ed', 'mine'])
    await ec2.send(new DeleteKeyPairCommand({ KeyName: 'installer' }))
    await ec2.send(new DeleteKeyPairCommand({ KeyPairId: ed.KeyPairId }))
    await ec2.send(new DeleteKeyPairCommand({ KeyName: 'installer' }))
    await rejectsWith(
      ec2.send(new DescribeKeyPairsCommand({ KeyNames: ['installer'] })),
      'InvalidKeyPair.NotFound',
      400,
      "The key pair 'installer' does not exist",
    )
  })
})
