import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { MODELS } from '../../src/models/index.js'
import { parseXml, XmlSyntaxError } from '../../src/protocol/index.js'
import { applyEdits, budget } from './budget.js'
import { edits } from './edits.js'
import { checkParse, type Target } from './parser-oracle.js'

// Structure-aware fuzzing of the request parsers: valid bodies mutated, and bodies generated from the names the
// models use with values of every JSON/XML type. test/protocol/xml.test.ts covers unstructured strings.

const REST_XML: readonly (Target & { readonly seed: string })[] = [
  {
    protocol: 'rest-xml',
    service: 's3',
    operation: 'PutBucketTagging',
    path: '/bucket',
    query: 'tagging',
    seed: '<Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>',
  },
  {
    protocol: 'rest-xml',
    service: 's3',
    operation: 'DeleteObjects',
    path: '/bucket',
    query: 'delete',
    seed: '<Delete><Object><Key>a</Key><VersionId>1</VersionId></Object><Quiet>true</Quiet></Delete>',
  },
  {
    protocol: 'rest-xml',
    service: 's3',
    operation: 'CompleteMultipartUpload',
    path: '/bucket/some/key',
    query: 'uploadId=abc',
    seed: '<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"e"</ETag></Part></CompleteMultipartUpload>',
  },
  {
    protocol: 'rest-xml',
    service: 's3',
    operation: 'PutBucketLifecycleConfiguration',
    path: '/bucket',
    query: 'lifecycle',
    seed: '<LifecycleConfiguration><Rule><ID>r</ID><Filter><Prefix>p/</Prefix></Filter><Status>Enabled</Status><Expiration><Days>3</Days></Expiration></Rule></LifecycleConfiguration>',
  },
  {
    protocol: 'rest-xml',
    service: 'route53',
    operation: 'ChangeResourceRecordSets',
    path: '/2013-04-01/hostedzone/Z123/rrset/',
    seed: '<ChangeResourceRecordSetsRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><ChangeBatch><Comment>c</Comment><Changes><Change><Action>UPSERT</Action><ResourceRecordSet><Name>a.example.com</Name><Type>A</Type><TTL>60</TTL><ResourceRecords><ResourceRecord><Value>10.0.0.1</Value></ResourceRecord></ResourceRecords></ResourceRecordSet></Change></Changes></ChangeBatch></ChangeResourceRecordSetsRequest>',
  },
  {
    protocol: 'rest-xml',
    service: 'route53',
    operation: 'CreateHostedZone',
    path: '/2013-04-01/hostedzone',
    seed: '<CreateHostedZoneRequest><Name>example.com</Name><CallerReference>r</CallerReference><HostedZoneConfig><Comment>c</Comment><PrivateZone>false</PrivateZone></HostedZoneConfig><VPC><VPCRegion>us-east-1</VPCRegion><VPCId>vpc-1</VPCId></VPC></CreateHostedZoneRequest>',
  },
  {
    protocol: 'rest-xml',
    service: 'route53',
    operation: 'ChangeTagsForResource',
    path: '/2013-04-01/tags/hostedzone/Z123',
    seed: '<ChangeTagsForResourceRequest><AddTags><Tag><Key>k</Key><Value>v</Value></Tag></AddTags><RemoveTagKeys><Key>x</Key></RemoveTagKeys></ChangeTagsForResourceRequest>',
  },
]

const XML_NAMES = [
  'Tagging',
  'TagSet',
  'Tag',
  'Key',
  'Value',
  'Delete',
  'Object',
  'VersionId',
  'Quiet',
  'Part',
  'PartNumber',
  'ETag',
  'CompleteMultipartUpload',
  'LifecycleConfiguration',
  'Rule',
  'ID',
  'Filter',
  'Prefix',
  'Status',
  'Expiration',
  'Days',
  'ChangeResourceRecordSetsRequest',
  'ChangeBatch',
  'Changes',
  'Change',
  'Action',
  'ResourceRecordSet',
  'Name',
  'Type',
  'TTL',
  'ResourceRecords',
  'ResourceRecord',
  'AliasTarget',
  'Weight',
  'CreateHostedZoneRequest',
  'CallerReference',
  'HostedZoneConfig',
  'PrivateZone',
  'VPC',
  'VPCId',
  'AddTags',
  'RemoveTagKeys',
  'x:Tag',
  'member',
]

/** A scalar as a client might mistype it: numbers too large, negative, fractional, booleans, dates, markup. */
const scalarText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer().map(String),
  fc.constantFrom(
    '1e400',
    '-1',
    '0.5',
    '99999999999999999999',
    'NaN',
    'true',
    'TRUE',
    '',
    ' 7 ',
    '2026-13-45T99:00:00Z',
  ),
  fc.constantFrom('&lt;', '&#65;', '&#x1F600;', '&unknown;', '<![CDATA[x]]>', '<!-- c -->'),
)

interface XmlTree {
  readonly name: string
  readonly attributes: readonly (readonly [string, string])[]
  readonly children: readonly (XmlTree | string)[]
}

const xmlTree = fc.letrec<{ tree: XmlTree; node: XmlTree | string }>((tie) => ({
  tree: fc.record({
    name: fc.constantFrom(...XML_NAMES),
    attributes: fc.array(
      fc.tuple(fc.constantFrom('xmlns', 'xmlns:x', 'a', 'x:type'), fc.string({ maxLength: 8 })),
      {
        maxLength: 2,
      },
    ),
    children: fc.array(tie('node'), { maxLength: 4 }),
  }),
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalarText, tie('tree')),
})).tree

/** Renders a tree; text is written raw, so generated markup and entities reach the reader as such. */
function renderTree(tree: XmlTree | string): string {
  if (typeof tree === 'string') return tree
  const attributes = tree.attributes
    .map(([name, value]) => ` ${name}="${value.replaceAll('"', '&quot;')}"`)
    .join('')
  return `<${tree.name}${attributes}>${tree.children.map(renderTree).join('')}</${tree.name}>`
}

const JSON_TARGETS: readonly (Target & { readonly seed: object })[] = [
  {
    protocol: 'json',
    service: 'secretsmanager',
    operation: 'CreateSecret',
    seed: {
      Name: 'db',
      SecretString: 's',
      Tags: [{ Key: 'k', Value: 'v' }],
      ClientRequestToken: 'a'.repeat(32),
    },
  },
  {
    protocol: 'json',
    service: 'secretsmanager',
    operation: 'PutSecretValue',
    seed: { SecretId: 'db', SecretBinary: 'AAEC', VersionStages: ['AWSCURRENT'] },
  },
  {
    protocol: 'json',
    service: 'secretsmanager',
    operation: 'ListSecrets',
    seed: { MaxResults: 10, Filters: [{ Key: 'name', Values: ['a'] }], SortOrder: 'asc' },
  },
  {
    protocol: 'json',
    service: 'cloudtrail',
    operation: 'LookupEvents',
    seed: {
      LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateRole' }],
      StartTime: 1764000000,
      EndTime: '2026-12-01T00:00:00Z',
      MaxResults: 50,
    },
  },
  {
    protocol: 'json',
    service: 'resourcegroupstaggingapi',
    operation: 'GetResources',
    seed: {
      TagFilters: [{ Key: 'k', Values: ['v'] }],
      ResourcesPerPage: 50,
      ResourceTypeFilters: ['ec2:instance'],
    },
  },
]

const JSON_KEYS = [
  'Name',
  'SecretString',
  'SecretBinary',
  'SecretId',
  'Tags',
  'Key',
  'Value',
  'Values',
  'Filters',
  'MaxResults',
  'StartTime',
  'EndTime',
  'LookupAttributes',
  'AttributeKey',
  'AttributeValue',
  'TagFilters',
  'VersionStages',
  'ClientRequestToken',
  'ResourcesPerPage',
  '__proto__',
  'constructor',
]

/** A JSON value whose keys are the models' member names, with values of any type at any depth. */
const jsonBody = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }),
    fc.dictionary(fc.constantFrom(...JSON_KEYS), tie('value'), { maxKeys: 5 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.constantFrom(1e308, -0, 2 ** 53 + 1, 1.5, '1970-01-01T00:00:00Z', 'AAE=', '!!', ''),
  ),
})).value

const QUERY_TARGETS: readonly (Target & { readonly keys: readonly string[] })[] = [
  {
    protocol: 'query',
    service: 'iam',
    operation: 'CreateRole',
    keys: [
      'RoleName',
      'AssumeRolePolicyDocument',
      'Path',
      'MaxSessionDuration',
      'Tags.member.{n}.Key',
      'Tags.member.{n}.Value',
      'PermissionsBoundary',
    ],
  },
  {
    protocol: 'query',
    service: 'iam',
    operation: 'TagRole',
    keys: ['RoleName', 'Tags.member.{n}.Key', 'Tags.member.{n}.Value', 'Tags.member.{n}'],
  },
  { protocol: 'query', service: 'iam', operation: 'ListRoles', keys: ['PathPrefix', 'Marker', 'MaxItems'] },
  {
    protocol: 'query',
    service: 'sts',
    operation: 'AssumeRole',
    keys: [
      'RoleArn',
      'RoleSessionName',
      'DurationSeconds',
      'Policy',
      'PolicyArns.member.{n}.arn',
      'Tags.member.{n}.Key',
      'Tags.member.{n}.Value',
      'TransitiveTagKeys.member.{n}',
      'ProvidedContexts.member.{n}.ContextAssertion',
    ],
  },
  {
    protocol: 'ec2',
    service: 'ec2',
    operation: 'RunInstances',
    keys: [
      'ImageId',
      'MinCount',
      'MaxCount',
      'InstanceType',
      'SecurityGroupId.{n}',
      'BlockDeviceMapping.{n}.DeviceName',
      'BlockDeviceMapping.{n}.Ebs.VolumeSize',
      'TagSpecification.{n}.Tag.{n}.Key',
      'TagSpecification.{n}.ResourceType',
      'UserData',
      'DryRun',
    ],
  },
  {
    protocol: 'ec2',
    service: 'ec2',
    operation: 'AuthorizeSecurityGroupIngress',
    keys: [
      'GroupId',
      'IpPermissions.{n}.IpProtocol',
      'IpPermissions.{n}.FromPort',
      'IpPermissions.{n}.ToPort',
      'IpPermissions.{n}.IpRanges.{n}.CidrIp',
      'IpPermissions.{n}.Groups.{n}.GroupId',
    ],
  },
  {
    protocol: 'ec2',
    service: 'ec2',
    operation: 'CreateTags',
    keys: ['ResourceId.{n}', 'Tag.{n}.Key', 'Tag.{n}.Value'],
  },
]

const index = fc.oneof(
  fc.integer({ min: 0, max: 3 }),
  fc.constantFrom(-1, 1001, 2 ** 31, 1e21),
  fc.constantFrom('01', 'x', ''),
)

/** A form body from the operation's key templates, `{n}` filled with good and bad indexes. */
const formBody = (keys: readonly string[]) =>
  fc
    .array(fc.tuple(fc.constantFrom(...keys), fc.array(index, { minLength: 2, maxLength: 2 }), scalarText), {
      maxLength: 10,
    })
    .map((pairs) => {
      const params = new URLSearchParams()
      for (const [key, [a, b], value] of pairs) {
        let n = 0
        params.append(
          key.replace(/\{n\}/g, () => String([a, b][n++])),
          value,
        )
      }
      return params.toString()
    })

describe('fuzz: request parsers return an input or a 4xx AWS error, never throw', () => {
  it('every target names an operation of its model', () => {
    for (const target of [...REST_XML, ...JSON_TARGETS, ...QUERY_TARGETS])
      assert.ok(MODELS[target.service].operations[target.operation], `${target.service} ${target.operation}`)
  })

  for (const target of REST_XML) {
    it(`rest-xml ${target.service} ${target.operation}: mutated valid bodies`, () => {
      fc.assert(
        fc.property(edits, (e) => checkParse(target, applyEdits(target.seed, e))),
        budget(),
      )
    })
    it(`rest-xml ${target.service} ${target.operation}: generated element trees`, () => {
      fc.assert(
        fc.property(xmlTree, fc.boolean(), (tree, declaration) =>
          checkParse(
            target,
            `${declaration ? '<?xml version="1.0" encoding="UTF-8"?>' : ''}${renderTree(tree)}`,
          ),
        ),
        budget(),
      )
    })
  }

  it('regression: a character reference outside XML Char (&#x110000;, &#0;, a surrogate) is MalformedXML, not a crash', () => {
    for (const reference of ['&#x110000;', '&#0;', '&#xD800;', '&#99999999999999999999;']) {
      assert.throws(() => parseXml(`<Key>${reference}</Key>`), XmlSyntaxError)
      checkParse(REST_XML[0]!, REST_XML[0]!.seed.replace('<Key>k', `<Key>${reference}`))
    }
  })

  it('the XML reader answers a tree or XmlSyntaxError, nothing else', () => {
    fc.assert(
      fc.property(xmlTree, edits, (tree, e) => {
        try {
          parseXml(applyEdits(renderTree(tree), e))
        } catch (error) {
          if (!(error instanceof XmlSyntaxError)) throw error
        }
      }),
      budget(),
    )
  })

  for (const target of JSON_TARGETS) {
    it(`json ${target.service} ${target.operation}: mutated valid bodies`, () => {
      fc.assert(
        fc.property(edits, (e) => checkParse(target, applyEdits(JSON.stringify(target.seed), e))),
        budget(),
      )
    })
    it(`json ${target.service} ${target.operation}: generated values of every type`, () => {
      fc.assert(
        fc.property(jsonBody, fc.boolean(), (value, merged) =>
          checkParse(
            target,
            JSON.stringify(
              merged && typeof value === 'object' && value !== null ? { ...target.seed, ...value } : value,
            ) ?? '',
          ),
        ),
        budget(),
      )
    })
  }

  for (const target of QUERY_TARGETS) {
    it(`${target.protocol} ${target.service} ${target.operation}: generated and mutated form bodies`, () => {
      fc.assert(
        fc.property(formBody(target.keys), edits, (body, e) => {
          checkParse(target, body)
          checkParse(target, applyEdits(body, e))
          checkParse(target, '', applyEdits(body, e))
        }),
        budget(),
      )
    })
  }
})
