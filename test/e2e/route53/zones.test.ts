import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  AssociateVPCWithHostedZoneCommand,
  ChangeResourceRecordSetsCommand,
  ChangeTagsForResourceCommand,
  CreateHostedZoneCommand,
  DeleteHostedZoneCommand,
  DisassociateVPCFromHostedZoneCommand,
  GetChangeCommand,
  GetHostedZoneCommand,
  ListHostedZonesByNameCommand,
  ListHostedZonesByVPCCommand,
  ListHostedZonesCommand,
  ListResourceRecordSetsCommand,
  ListTagsForResourceCommand,
  ListTagsForResourcesCommand,
  Route53Client,
} from '@aws-sdk/client-route-53'
import { AssumeRoleCommand } from '@aws-sdk/client-sts'
import { startTestServer, type TestServer } from '../start.js'
import {
  ACCOUNT,
  ACCOUNT_TRUST,
  createRole,
  denied,
  type Keys,
  keysOf,
  policy,
  rejectsWith,
  stsClient,
} from '../sts/sts-fixtures.js'

const client = (url: string, keys: Keys) =>
  new Route53Client({ endpoint: url, region: 'us-east-1', credentials: keys, maxAttempts: 1 })

const a = (name: string, value: string, action: 'CREATE' | 'DELETE' | 'UPSERT' = 'CREATE') => ({
  Action: action,
  ResourceRecordSet: { Name: name, Type: 'A' as const, TTL: 60, ResourceRecords: [{ Value: value }] },
})

const created = (out: { HostedZone?: { Id?: string } }): string =>
  out.HostedZone!.Id!.replace('/hostedzone/', '')

describe('e2e: Route 53 (SDK v3)', () => {
  let server: TestServer
  let zoneId: string
  const r53 = () => client(server.url, server.credentials)

  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
    const created = await r53().send(
      new CreateHostedZoneCommand({
        Name: 'example.com',
        CallerReference: 'ref-1',
        HostedZoneConfig: { Comment: 'main' },
      }),
    )
    zoneId = created.HostedZone!.Id!.replace('/hostedzone/', '')
  })
  after(() => server.stop())

  it('creates a public zone with SOA and NS records, and CallerReference is idempotency', async () => {
    const got = await r53().send(new GetHostedZoneCommand({ Id: zoneId }))
    assert.equal(got.HostedZone!.Name, 'example.com.')
    assert.equal(got.HostedZone!.Config!.Comment, 'main')
    assert.equal(got.HostedZone!.Config!.PrivateZone, false)
    assert.equal(got.HostedZone!.ResourceRecordSetCount, 2)
    assert.equal(got.DelegationSet!.NameServers!.length, 4)
    const records = await r53().send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId }))
    assert.deepEqual(
      records.ResourceRecordSets!.map((r) => r.Type),
      ['NS', 'SOA'],
    )
    assert.match(zoneId, /^Z[A-Z0-9]{12,20}$/)
    await rejectsWith(
      r53().send(new CreateHostedZoneCommand({ Name: 'other.com', CallerReference: 'ref-1' })),
      'HostedZoneAlreadyExists',
      409,
      'A hosted zone has already been created with the specified caller reference: ref-1',
    )
    await rejectsWith(
      r53().send(new GetHostedZoneCommand({ Id: 'ZNOPE' })),
      'NoSuchHostedZone',
      404,
      'No hosted zone found with ID: ZNOPE',
    )
  })

  it('changes record sets atomically with AWS InvalidChangeBatch texts, and GetChange goes PENDING then INSYNC', async () => {
    const out = await r53().send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Comment: 'first',
          Changes: [a('www.example.com', '10.0.0.1'), a('api.example.com.', '10.0.0.2')],
        },
      }),
    )
    assert.equal(out.ChangeInfo!.Status, 'PENDING')
    assert.equal(out.ChangeInfo!.Comment, 'first')
    await rejectsWith(
      r53().send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: zoneId,
          ChangeBatch: { Changes: [a('x.example.com', '10.0.0.3'), a('www.example.com', '10.0.0.9')] },
        }),
      ),
      'InvalidChangeBatch',
      400,
      "[Tried to create resource record set [name='www.example.com.', type='A'] but it already exists]",
    )
    await rejectsWith(
      r53().send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: zoneId,
          ChangeBatch: { Changes: [a('gone.example.com', '10.0.0.3', 'DELETE')] },
        }),
      ),
      'InvalidChangeBatch',
      400,
      "[Tried to delete resource record set [name='gone.example.com.', type='A'] but it was not found]",
    )
    await r53().send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Changes: [
            a('www.example.com', '10.0.0.7', 'UPSERT'),
            {
              Action: 'CREATE',
              ResourceRecordSet: {
                Name: 'alias.example.com',
                Type: 'A',
                AliasTarget: {
                  HostedZoneId: zoneId,
                  DNSName: 'www.example.com',
                  EvaluateTargetHealth: false,
                },
              },
            },
          ],
        },
      }),
    )
    const page1 = await r53().send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId, MaxItems: 3 }))
    assert.deepEqual(
      page1.ResourceRecordSets!.map((r) => `${r.Name} ${r.Type}`),
      ['example.com. NS', 'example.com. SOA', 'alias.example.com. A'],
    )
    assert.equal(page1.IsTruncated, true)
    assert.equal(page1.NextRecordName, 'api.example.com.')
    assert.equal(page1.NextRecordType, 'A')
    const page2 = await r53().send(
      new ListResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        StartRecordName: page1.NextRecordName!,
        StartRecordType: page1.NextRecordType!,
      }),
    )
    assert.deepEqual(
      page2.ResourceRecordSets!.map((r) => [r.Name, r.ResourceRecords?.[0]?.Value ?? r.AliasTarget?.DNSName]),
      [
        ['api.example.com.', '10.0.0.2'],
        ['www.example.com.', '10.0.0.7'],
      ],
    )
    assert.equal(page2.IsTruncated, false)
    const alias = page1.ResourceRecordSets![2]!
    assert.deepEqual(alias.AliasTarget, {
      HostedZoneId: zoneId,
      DNSName: 'www.example.com.',
      EvaluateTargetHealth: false,
    })
    const changeId = out.ChangeInfo!.Id!
    await sleep(1100)
    assert.equal((await r53().send(new GetChangeCommand({ Id: changeId }))).ChangeInfo!.Status, 'INSYNC')
  })

  it('lists zones by id and by name with pages, and refuses to delete a zone that holds records', async () => {
    for (const name of ['b.org', 'a.org', 'z.net']) {
      await r53().send(new CreateHostedZoneCommand({ Name: name, CallerReference: `ref-${name}` }))
    }
    const byName = await r53().send(new ListHostedZonesByNameCommand({}))
    assert.deepEqual(
      byName.HostedZones!.map((z) => z.Name),
      ['example.com.', 'z.net.', 'a.org.', 'b.org.'],
    )
    const from = await r53().send(new ListHostedZonesByNameCommand({ DNSName: 'a.org', MaxItems: 1 }))
    assert.deepEqual(
      from.HostedZones!.map((z) => z.Name),
      ['a.org.'],
    )
    assert.equal(from.IsTruncated, true)
    assert.equal(from.NextDNSName, 'b.org.')
    const names: string[] = []
    let marker: string | undefined
    do {
      const page = await r53().send(
        new ListHostedZonesCommand({ MaxItems: 3, ...(marker ? { Marker: marker } : {}) }),
      )
      names.push(...page.HostedZones!.map((z) => z.Name!))
      marker = page.IsTruncated ? page.NextMarker : undefined
    } while (marker)
    assert.deepEqual(names.sort(), ['a.org.', 'b.org.', 'example.com.', 'z.net.'])
    await rejectsWith(
      r53().send(new DeleteHostedZoneCommand({ Id: zoneId })),
      'HostedZoneNotEmpty',
      400,
      'The specified hosted zone contains non-required resource record sets and so cannot be deleted.',
    )
    const zone = byName.HostedZones!.find((z) => z.Name === 'z.net.')!
    const deleted = await r53().send(new DeleteHostedZoneCommand({ Id: zone.Id! }))
    assert.equal(deleted.ChangeInfo!.Status, 'PENDING')
  })

  it('creates a private zone for a VPC, associates and disassociates VPCs', async () => {
    for (const id of ['vpc-11111111', 'vpc-22222222']) {
      await server.app.store.cloudResources.insert({
        arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc/${id}`,
        accountId: ACCOUNT,
        region: 'us-east-1',
        service: 'ec2',
        type: 'vpc',
        id,
        attributes: {},
        tags: [],
        at: new Date(),
      })
    }
    await rejectsWith(
      r53().send(
        new CreateHostedZoneCommand({
          Name: 'internal.example',
          CallerReference: 'priv-0',
          VPC: { VPCId: 'vpc-99999999', VPCRegion: 'us-east-1' },
        }),
      ),
      'InvalidVPCId',
      400,
      "The VPC ID 'vpc-99999999' is not valid.",
    )
    const created = await r53().send(
      new CreateHostedZoneCommand({
        Name: 'internal.example',
        CallerReference: 'priv-1',
        VPC: { VPCId: 'vpc-11111111', VPCRegion: 'us-east-1' },
        HostedZoneConfig: { PrivateZone: true },
      }),
    )
    assert.equal(created.HostedZone!.Config!.PrivateZone, true)
    await createRole(server.url, server.credentials, server.app.store, 'vpc-zones', ACCOUNT_TRUST, [
      policy({
        Effect: 'Allow',
        Action: 'route53:CreateHostedZone',
        Resource: '*',
        Condition: {
          'ForAnyValue:StringEquals': { 'route53:VPCs': 'VPCId=vpc-11111111,VPCRegion=us-east-1' },
        },
      }),
    ])
    const session = await stsClient(server.url, server.credentials).send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/vpc-zones`, RoleSessionName: 'sess' }),
    )
    const vpcOnly = client(server.url, keysOf(session.Credentials))
    await vpcOnly.send(
      new CreateHostedZoneCommand({
        Name: 'second.example',
        CallerReference: 'priv-2',
        VPC: { VPCId: 'vpc-11111111', VPCRegion: 'us-east-1' },
      }),
    )
    await rejectsWith(
      vpcOnly.send(new CreateHostedZoneCommand({ Name: 'public.example', CallerReference: 'pub-2' })),
      'AccessDenied',
      403,
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/vpc-zones/sess is not authorized to perform: route53:CreateHostedZone on resource: *`,
    )
    assert.deepEqual(created.VPC, { VPCId: 'vpc-11111111', VPCRegion: 'us-east-1' })
    assert.equal(created.DelegationSet, undefined)
    const id = created.HostedZone!.Id!
    await r53().send(
      new AssociateVPCWithHostedZoneCommand({
        HostedZoneId: id,
        VPC: { VPCId: 'vpc-22222222', VPCRegion: 'us-east-1' },
      }),
    )
    const got = await r53().send(new GetHostedZoneCommand({ Id: id }))
    assert.deepEqual(
      got.VPCs!.map((v) => v.VPCId),
      ['vpc-11111111', 'vpc-22222222'],
    )
    const byVpc = await r53().send(
      new ListHostedZonesByVPCCommand({ VPCId: 'vpc-22222222', VPCRegion: 'us-east-1' }),
    )
    assert.deepEqual(byVpc.HostedZoneSummaries, [
      {
        HostedZoneId: id.replace('/hostedzone/', ''),
        Name: 'internal.example.',
        Owner: { OwningAccount: ACCOUNT },
      },
    ])
    await r53().send(
      new DisassociateVPCFromHostedZoneCommand({
        HostedZoneId: id,
        VPC: { VPCId: 'vpc-11111111', VPCRegion: 'us-east-1' },
      }),
    )
    await rejectsWith(
      r53().send(
        new DisassociateVPCFromHostedZoneCommand({
          HostedZoneId: id,
          VPC: { VPCId: 'vpc-22222222', VPCRegion: 'us-east-1' },
        }),
      ),
      'LastVPCAssociation',
      400,
      'The VPC that you specified is the last VPC associated with the hosted zone.',
    )
  })

  it('concurrent change batches to one zone all land', async () => {
    const created = await r53().send(
      new CreateHostedZoneCommand({ Name: 'race.test', CallerReference: 'race' }),
    )
    const id = created.HostedZone!.Id!
    await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        r53().send(
          new ChangeResourceRecordSetsCommand({
            HostedZoneId: id,
            ChangeBatch: { Changes: [a(`h${i}.race.test`, `10.0.0.${i}`)] },
          }),
        ),
      ),
    )
    const records = await r53().send(new ListResourceRecordSetsCommand({ HostedZoneId: id }))
    assert.equal(records.ResourceRecordSets!.length, 7)
  })

  it('tags hosted zones', async () => {
    await r53().send(
      new ChangeTagsForResourceCommand({
        ResourceType: 'hostedzone',
        ResourceId: zoneId,
        AddTags: [
          { Key: 'cluster', Value: 'c1' },
          { Key: 'tmp', Value: 'x' },
        ],
      }),
    )
    await r53().send(
      new ChangeTagsForResourceCommand({
        ResourceType: 'hostedzone',
        ResourceId: zoneId,
        RemoveTagKeys: ['tmp'],
      }),
    )
    const tags = await r53().send(
      new ListTagsForResourceCommand({ ResourceType: 'hostedzone', ResourceId: zoneId }),
    )
    const many = await r53().send(
      new ListTagsForResourcesCommand({ ResourceType: 'hostedzone', ResourceIds: [zoneId] }),
    )
    assert.deepEqual(many.ResourceTagSets, [tags.ResourceTagSet])
    assert.deepEqual(tags.ResourceTagSet, {
      ResourceType: 'hostedzone',
      ResourceId: zoneId,
      Tags: [{ Key: 'cluster', Value: 'c1' }],
    })
  })

  it('route53:ChangeResourceRecordSetsNormalizedRecordNames decides as in the ROSA installer policy', async () => {
    const zone = await r53().send(
      new CreateHostedZoneCommand({ Name: 'openshiftapps.com', CallerReference: 'rosa' }),
    )
    await createRole(server.url, server.credentials, server.app.store, 'installer', ACCOUNT_TRUST, [
      policy({
        Effect: 'Allow',
        Action: 'route53:ChangeResourceRecordSets',
        Resource: '*',
        Condition: {
          'ForAllValues:StringLike': {
            'route53:ChangeResourceRecordSetsNormalizedRecordNames': ['*.openshiftapps.com'],
          },
          'ForAllValues:StringEquals': { 'route53:ChangeResourceRecordSetsActions': ['CREATE', 'UPSERT'] },
        },
      }),
    ])
    const out = await stsClient(server.url, server.credentials).send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/installer`, RoleSessionName: 'sess' }),
    )
    const installer = client(server.url, keysOf(out.Credentials))
    const id = created(zone)
    await installer.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: id,
        ChangeBatch: {
          Changes: [a('API.c1.openshiftapps.com.', '10.1.1.1'), a('*.apps.c1.openshiftapps.com', '10.1.1.2')],
        },
      }),
    )
    // Only the escaped form of a wildcard name satisfies an exact condition, as AWS normalizes it.
    await createRole(server.url, server.credentials, server.app.store, 'wildcards', ACCOUNT_TRUST, [
      policy({
        Effect: 'Allow',
        Action: 'route53:ChangeResourceRecordSets',
        Resource: '*',
        Condition: {
          'ForAllValues:StringEquals': {
            'route53:ChangeResourceRecordSetsNormalizedRecordNames': ['\\052.apps.c2.openshiftapps.com'],
          },
        },
      }),
    ])
    const wild = await stsClient(server.url, server.credentials).send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/wildcards`, RoleSessionName: 'sess' }),
    )
    await client(server.url, keysOf(wild.Credentials)).send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: id,
        ChangeBatch: { Changes: [a('*.APPS.c2.openshiftapps.com.', '10.2.2.2')] },
      }),
    )
    const denied = `User: arn:aws:sts::${ACCOUNT}:assumed-role/installer/sess is not authorized to perform: route53:ChangeResourceRecordSets on resource: arn:aws:route53:::hostedzone/${id}`
    await rejectsWith(
      installer.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: id,
          ChangeBatch: { Changes: [a('openshiftapps.com', '10.1.1.3')] },
        }),
      ),
      'AccessDenied',
      403,
      denied,
    )
    await rejectsWith(
      installer.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: id,
          ChangeBatch: { Changes: [a('api.c1.openshiftapps.com', '10.1.1.1', 'DELETE')] },
        }),
      ),
      'AccessDenied',
      403,
      denied,
    )
    const records = await r53().send(new ListResourceRecordSetsCommand({ HostedZoneId: id }))
    assert.deepEqual(
      records.ResourceRecordSets!.map((r) => r.Name),
      [
        'openshiftapps.com.',
        'openshiftapps.com.',
        'api.c1.openshiftapps.com.',
        '\\052.apps.c1.openshiftapps.com.',
        '\\052.apps.c2.openshiftapps.com.',
      ],
    )
  })

  it('authorizes route53 actions on the hosted zone ARN for a role session', async () => {
    await createRole(server.url, server.credentials, server.app.store, 'dns-reader', ACCOUNT_TRUST, [
      policy({ Effect: 'Allow', Action: ['route53:Get*', 'route53:List*'], Resource: '*' }),
    ])
    const out = await stsClient(server.url, server.credentials).send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/dns-reader`, RoleSessionName: 'sess' }),
    )
    const reader = client(server.url, keysOf(out.Credentials))
    assert.equal(
      (await reader.send(new GetHostedZoneCommand({ Id: zoneId }))).HostedZone!.Name,
      'example.com.',
    )
    await rejectsWith(
      reader.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: zoneId,
          ChangeBatch: { Changes: [a('n.example.com', '1.1.1.1')] },
        }),
      ),
      'AccessDenied',
      403,
      denied(
        `arn:aws:sts::${ACCOUNT}:assumed-role/dns-reader/sess`,
        'route53:ChangeResourceRecordSets',
        `arn:aws:route53:::hostedzone/${zoneId}`,
      ),
    )
  })
})
