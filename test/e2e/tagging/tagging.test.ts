import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2'
import {
  GetResourcesCommand,
  GetTagKeysCommand,
  GetTagValuesCommand,
  ResourceGroupsTaggingAPIClient,
  TagResourcesCommand,
  UntagResourcesCommand,
} from '@aws-sdk/client-resource-groups-tagging-api'
import {
  ChangeTagsForResourceCommand,
  CreateHostedZoneCommand,
  Route53Client,
} from '@aws-sdk/client-route-53'
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { AssumeRoleCommand } from '@aws-sdk/client-sts'
import { startTestServer, type TestServer } from '../start.js'
import {
  ACCOUNT,
  ACCOUNT_TRUST,
  createRole,
  type Keys,
  keysOf,
  policy,
  rejectsWith,
  stsClient,
} from '../sts/sts-fixtures.js'

const CLUSTER = { Key: 'kubernetes.io/cluster/demo', Value: 'owned' }
const common = (url: string, keys: Keys) => ({
  endpoint: url,
  region: 'us-east-1',
  credentials: keys,
  maxAttempts: 1,
})

describe('e2e: Resource Groups Tagging API (SDK v3)', () => {
  let server: TestServer
  const arns = { secret: '', zone: '', vpc: '', bucket: '' }
  const tagging = (keys?: Keys) =>
    new ResourceGroupsTaggingAPIClient(common(server.url, keys ?? server.credentials))

  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
    const keys = server.credentials
    arns.secret = (
      await new SecretsManagerClient(common(server.url, keys)).send(
        new CreateSecretCommand({ Name: 'demo/pull-secret', SecretString: 'x', Tags: [CLUSTER] }),
      )
    ).ARN!
    await new SecretsManagerClient(common(server.url, keys)).send(
      new CreateSecretCommand({ Name: 'other', SecretString: 'y', Tags: [{ Key: 'team', Value: 'blue' }] }),
    )
    const route53 = new Route53Client(common(server.url, keys))
    const zone = await route53.send(
      new CreateHostedZoneCommand({ Name: 'demo.example.com', CallerReference: 'demo' }),
    )
    const zoneId = zone.HostedZone!.Id!.replace('/hostedzone/', '')
    await route53.send(
      new ChangeTagsForResourceCommand({
        ResourceType: 'hostedzone',
        ResourceId: zoneId,
        AddTags: [CLUSTER],
      }),
    )
    arns.zone = `arn:aws:route53:::hostedzone/${zoneId}`
    const vpc = await new EC2Client(common(server.url, keys)).send(
      new CreateVpcCommand({
        CidrBlock: '10.0.0.0/16',
        TagSpecifications: [{ ResourceType: 'vpc', Tags: [CLUSTER, { Key: 'Name', Value: 'demo' }] }],
      }),
    )
    arns.vpc = `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc/${vpc.Vpc!.VpcId}`
    // A tagged S3 bucket as the S3 service keeps one (service s3, type bucket); stored directly so this suite
    // does not depend on the S3 API.
    arns.bucket = 'arn:aws:s3:::demo-registry'
    await server.app.store.cloudResources.insert({
      arn: arns.bucket,
      accountId: ACCOUNT,
      region: 'us-east-1',
      service: 's3',
      type: 'bucket',
      id: 'demo-registry',
      attributes: {},
      tags: [{ key: CLUSTER.Key, value: CLUSTER.Value }],
      at: new Date(),
    })
  })
  after(() => server.stop())

  it('GetResources finds the resources of several services by the cluster tag', async () => {
    const out = await tagging().send(
      new GetResourcesCommand({ TagFilters: [{ Key: CLUSTER.Key, Values: ['owned', 'shared'] }] }),
    )
    assert.deepEqual(
      out.ResourceTagMappingList!.map((m) => m.ResourceARN).sort(),
      [arns.bucket, arns.secret, arns.vpc, arns.zone].sort(),
    )
    assert.equal(out.PaginationToken, '')
    const vpc = out.ResourceTagMappingList!.find((m) => m.ResourceARN === arns.vpc)!
    assert.deepEqual(vpc.Tags, [CLUSTER, { Key: 'Name', Value: 'demo' }])
  })

  it('filters by resource type and pages with ResourcesPerPage', async () => {
    const types = async (filters: string[]) =>
      (
        await tagging().send(
          new GetResourcesCommand({ TagFilters: [{ Key: CLUSTER.Key }], ResourceTypeFilters: filters }),
        )
      ).ResourceTagMappingList!.map((m) => m.ResourceARN)
    assert.deepEqual(await types(['ec2:vpc']), [arns.vpc])
    assert.deepEqual(await types(['s3', 'route53:hostedzone']), [arns.bucket, arns.zone].sort())
    assert.deepEqual(await types(['ec2:instance']), [])
    const seen: string[] = []
    let token: string | undefined
    do {
      const page = await tagging().send(
        new GetResourcesCommand({ ResourcesPerPage: 1, ...(token ? { PaginationToken: token } : {}) }),
      )
      assert.ok(page.ResourceTagMappingList!.length <= 1)
      seen.push(...page.ResourceTagMappingList!.map((m) => m.ResourceARN!))
      token = page.PaginationToken || undefined
    } while (token)
    assert.equal(seen.length, 5)
    assert.deepEqual(seen, [...seen].sort())
    const byArn = await tagging().send(new GetResourcesCommand({ ResourceARNList: [arns.secret, arns.zone] }))
    assert.deepEqual(
      byArn.ResourceTagMappingList!.map((m) => m.ResourceARN).sort(),
      [arns.secret, arns.zone].sort(),
    )
    await rejectsWith(
      tagging().send(
        new GetResourcesCommand({ ResourceARNList: [arns.secret], ResourceTypeFilters: ['s3'] }),
      ),
      'InvalidParameterException',
      400,
      'ResourceARNList cannot be used together with TagFilters or ResourceTypeFilters.',
    )
  })

  it('GetTagKeys and GetTagValues', async () => {
    const keys = await tagging().send(new GetTagKeysCommand({}))
    assert.deepEqual(keys.TagKeys, ['Name', CLUSTER.Key, 'team'].sort())
    const values = await tagging().send(new GetTagValuesCommand({ Key: 'team' }))
    assert.deepEqual(values.TagValues, ['blue'])
  })

  it('TagResources and UntagResources across services, with FailedResourcesMap for unknown ARNs', async () => {
    const missing = `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0123456789abcdef0`
    const tagged = await tagging().send(
      new TagResourcesCommand({ ResourceARNList: [arns.secret, arns.zone, missing], Tags: { env: 'prod' } }),
    )
    assert.deepEqual(Object.keys(tagged.FailedResourcesMap!), [missing])
    assert.equal(tagged.FailedResourcesMap![missing]!.ErrorCode, 'InvalidParameterException')
    const prod = await tagging().send(
      new GetResourcesCommand({ TagFilters: [{ Key: 'env', Values: ['prod'] }] }),
    )
    assert.deepEqual(
      prod.ResourceTagMappingList!.map((m) => m.ResourceARN).sort(),
      [arns.secret, arns.zone].sort(),
    )
    await tagging().send(
      new UntagResourcesCommand({ ResourceARNList: [arns.secret, arns.zone], TagKeys: ['env'] }),
    )
    const after = await tagging().send(new GetResourcesCommand({ TagFilters: [{ Key: 'env' }] }))
    assert.deepEqual(after.ResourceTagMappingList, [])
  })

  it('tag writes need tag:TagResources and the owning service action', async () => {
    const session = async (role: string, statements: object[]) => {
      await createRole(server.url, server.credentials, server.app.store, role, ACCOUNT_TRUST, [
        policy(...statements),
      ])
      const out = await stsClient(server.url, server.credentials).send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/${role}`, RoleSessionName: 'sess' }),
      )
      return tagging(keysOf(out.Credentials))
    }
    const onlyTag = await session('only-tag', [{ Effect: 'Allow', Action: 'tag:*', Resource: '*' }])
    assert.equal(
      (await onlyTag.send(new GetResourcesCommand({ TagFilters: [{ Key: CLUSTER.Key }] })))
        .ResourceTagMappingList!.length,
      4,
    )
    await rejectsWith(
      onlyTag.send(new TagResourcesCommand({ ResourceARNList: [arns.vpc], Tags: { env: 'dev' } })),
      'AccessDeniedException',
      400,
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/only-tag/sess is not authorized to perform: ec2:CreateTags on resource: ${arns.vpc} because no identity-based policy allows the ec2:CreateTags action`,
    )
    const both = await session('tagger', [
      { Effect: 'Allow', Action: ['tag:TagResources', 'ec2:CreateTags'], Resource: '*' },
    ])
    const out = await both.send(
      new TagResourcesCommand({ ResourceARNList: [arns.vpc], Tags: { env: 'dev' } }),
    )
    assert.deepEqual(out.FailedResourcesMap, {})
    const none = await session('no-tag', [{ Effect: 'Allow', Action: 'ec2:CreateTags', Resource: '*' }])
    await rejectsWith(
      none.send(new GetResourcesCommand({})),
      'AccessDeniedException',
      400,
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/no-tag/sess is not authorized to perform: tag:GetResources on resource: * because no identity-based policy allows the tag:GetResources action`,
    )
  })
})
