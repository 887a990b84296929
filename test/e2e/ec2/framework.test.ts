import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  CreateTagsCommand,
  DescribeAvailabilityZonesCommand,
  DescribeRegionsCommand,
  DescribeTagsCommand,
} from '@aws-sdk/client-ec2'
import { DecodeAuthorizationMessageCommand } from '@aws-sdk/client-sts'
import { startTestServer, type TestServer } from '../start.js'
import {
  ACCOUNT,
  allow,
  createUser,
  ec2Client,
  type Keys,
  policy,
  rejectsWith,
  splitUnauthorized,
  stsClient,
} from './ec2-fixtures.js'

type SdkError = Error & { $metadata?: { httpStatusCode?: number } }

describe('e2e: EC2 framework (SDK v3)', () => {
  let server: TestServer
  let nobody: Keys
  const admin = (region?: string) => ec2Client(server.url, server.credentials, region)

  before(async () => {
    server = await startTestServer()
    nobody = await createUser(server.app.store, 'nobody', [policy(allow('sts:GetCallerIdentity'))])
  })
  after(() => server.stop())

  it('describes regions and the zones of the request region, with filters and wildcards', async () => {
    const regions = await admin().send(new DescribeRegionsCommand({}))
    assert.ok(
      regions.Regions!.some(
        (r) => r.RegionName === 'eu-west-1' && r.Endpoint === 'ec2.eu-west-1.amazonaws.com',
      ),
    )
    const us = await admin().send(
      new DescribeRegionsCommand({ Filters: [{ Name: 'region-name', Values: ['us-*-1'] }] }),
    )
    assert.deepEqual(us.Regions!.map((r) => r.RegionName).sort(), ['us-east-1', 'us-west-1'])
    const zones = await admin('eu-west-1').send(new DescribeAvailabilityZonesCommand({}))
    assert.deepEqual(
      zones.AvailabilityZones!.map((z) => [z.ZoneName, z.ZoneId, z.State, z.RegionName]),
      [
        ['eu-west-1a', 'euw1-az1', 'available', 'eu-west-1'],
        ['eu-west-1b', 'euw1-az2', 'available', 'eu-west-1'],
        ['eu-west-1c', 'euw1-az3', 'available', 'eu-west-1'],
      ],
    )
    const one = await admin().send(
      new DescribeAvailabilityZonesCommand({
        Filters: [{ Name: 'zone-name', Values: ['us-east-1?'] }],
        ZoneNames: ['us-east-1c'],
      }),
    )
    assert.deepEqual(
      one.AvailabilityZones!.map((z) => z.ZoneName),
      ['us-east-1c'],
    )
    await rejectsWith(
      admin().send(new DescribeAvailabilityZonesCommand({ Filters: [{ Name: 'colour', Values: ['x'] }] })),
      'InvalidParameterValue',
      400,
      "The filter 'colour' is invalid",
    )
  })

  it('answers DryRunOperation (412) when the caller is allowed, and runs nothing', async () => {
    await rejectsWith(
      admin().send(new DescribeRegionsCommand({ DryRun: true })),
      'DryRunOperation',
      412,
      'Request would have succeeded, but DryRun flag is set.',
    )
  })

  it('answers a denial with UnauthorizedOperation whose encoded message STS decodes', async () => {
    const caller = `arn:aws:iam::${ACCOUNT}:user/nobody`
    for (const dryRun of [false, true]) {
      const error = await ec2Client(server.url, nobody)
        .send(new DescribeRegionsCommand({ DryRun: dryRun }))
        .then(
          () => assert.fail('allowed'),
          (e: SdkError) => e,
        )
      assert.equal(error.name, 'UnauthorizedOperation')
      assert.equal(error.$metadata?.httpStatusCode, 403)
      const { text, encoded } = splitUnauthorized(error.message)
      assert.equal(
        text,
        `You are not authorized to perform this operation. User: ${caller} is not authorized to perform: ec2:DescribeRegions on resource: * because no identity-based policy allows the ec2:DescribeRegions action.`,
      )
      const decoded = await stsClient(server.url, server.credentials).send(
        new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded }),
      )
      const details = JSON.parse(decoded.DecodedMessage!)
      assert.equal(details.allowed, false)
      assert.equal(details.explicitDeny, false)
      assert.equal(details.context.action, 'ec2:DescribeRegions')
      assert.equal(details.context.resource, '*')
      assert.equal(details.context.principal.arn, caller)
      const region = details.context.conditions.items.find((i: { key: string }) => i.key === 'ec2:region')
      assert.deepEqual(region.values.items, [{ value: 'us-east-1' }])
    }
  })

  it('says which ids are unknown or of no taggable type on CreateTags, and DescribeTags starts empty', async () => {
    await rejectsWith(
      admin().send(
        new CreateTagsCommand({ Resources: ['vpc-0123456789abcdef0'], Tags: [{ Key: 'a', Value: 'b' }] }),
      ),
      'InvalidVpcID.NotFound',
      400,
      "The vpc ID 'vpc-0123456789abcdef0' does not exist",
    )
    await rejectsWith(
      admin().send(new CreateTagsCommand({ Resources: ['nothing-1'], Tags: [{ Key: 'a', Value: 'b' }] })),
      'InvalidID',
      400,
      "The ID 'nothing-1' is not valid",
    )
    await rejectsWith(
      admin().send(
        new CreateTagsCommand({ Resources: ['vpc-0123456789abcdef0'], Tags: [{ Key: 'aws:x', Value: 'b' }] }),
      ),
      'InvalidParameterValue',
      400,
      "Tag keys starting with 'aws:' are reserved for internal use",
    )
    assert.deepEqual((await admin().send(new DescribeTagsCommand({}))).Tags, [])
  })
})
