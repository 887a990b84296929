import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { getCatalog, summarizePolicy, summarizeService } from '../../src/catalog/index.js'
import { type PolicyDocument, parsePolicy } from '../../src/policy/index.js'

const catalog = getCatalog()

function parse(policy: unknown): PolicyDocument {
  const parsed = parsePolicy(policy)
  assert.ok(parsed.ok, JSON.stringify(parsed))
  return parsed.document
}

function policy(...statements: object[]): PolicyDocument {
  return parse({ Version: '2012-10-17', Statement: statements })
}

describe('catalog/summarizePolicy', () => {
  it('grades each service by the access levels of the actions it grants', () => {
    const summary = summarizePolicy(
      policy({
        Effect: 'Allow',
        Action: ['iam:CreateRole', 'iam:AttachRolePolicy', 's3:ListAllMyBuckets', 'ec2:CreateTags'],
        Resource: '*',
      }),
      catalog,
    )
    const levels = Object.fromEntries(summary.allow.map((row) => [row.service, row.accessLevel]))
    assert.deepEqual(levels, {
      ec2: 'Limited: Tagging',
      iam: 'Limited: Write, Permissions management',
      s3: 'Limited: List',
    })
    assert.deepEqual(summary.deny, [])
    assert.deepEqual(summary.uncategorized, [])
  })

  it('says Full for a level whose every action is granted, and Full access for the whole service', () => {
    const summary = summarizePolicy(
      policy(
        { Effect: 'Allow', Action: ['s3:List*'], Resource: '*' },
        { Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' },
        { Effect: 'Allow', Action: 'sts:*', Resource: '*' },
      ),
      catalog,
    )
    const row = (service: string) => summary.allow.find((r) => r.service === service)
    assert.equal(row('s3')?.accessLevel, 'Full: List')
    // AWS: iam:GetAccountSummary and iam:GetLoginProfile are List actions, so iam:List* alone is Limited.
    assert.equal(row('iam')?.accessLevel, 'Full: List Limited: Read')
    assert.equal(row('sts')?.accessLevel, 'Full access')
    assert.equal(row('sts')?.fullAccess, true)
    assert.equal(row('sts')?.grantedActions, catalog.actions('sts').length)
    const onlyListIam = summarizePolicy(
      policy({ Effect: 'Allow', Action: 'iam:List*', Resource: '*' }),
      catalog,
    )
    assert.equal(onlyListIam.allow[0]?.accessLevel, 'Limited: List')
  })

  it('lists explicit denies apart from allows, with their resources (DenyCustomerBucket)', () => {
    const summary = summarizePolicy(
      policy(
        { Sid: 'FullAccess', Effect: 'Allow', Action: ['s3:*'], Resource: ['*'] },
        {
          Sid: 'DenyCustomerBucket',
          Effect: 'Deny',
          Action: ['s3:*'],
          Resource: ['arn:aws:s3:::customer', 'arn:aws:s3:::customer/*'],
        },
      ),
      catalog,
    )
    const pick = (r: (typeof summary.allow)[number]) => [
      r.service,
      r.accessLevel,
      r.resource,
      r.requestCondition,
    ]
    assert.deepEqual(summary.allow.map(pick), [['s3', 'Full access', 'All resources', 'None']])
    assert.deepEqual(summary.deny.map(pick), [['s3', 'Full access', 'Multiple', 'None']])
  })

  it('shows a single resource and the condition keys (DynamoDbRowCognitoID)', () => {
    const summary = summarizePolicy(
      policy({
        Effect: 'Allow',
        Action: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        Resource: ['arn:aws:dynamodb:us-west-1:123456789012:table/myDynamoTable'],
        Condition: {
          // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
          'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${cognito-identity.amazonaws.com:sub}'] },
        },
      }),
      catalog,
    )
    const [row] = summary.allow
    assert.equal(row?.resource, 'arn:aws:dynamodb:us-west-1:123456789012:table/myDynamoTable')
    assert.equal(row?.requestCondition, 'dynamodb:LeadingKeys')
    assert.equal(row?.accessLevel, 'Limited: Read, Write')
    assert.equal(row?.grantedActions, 4)
  })

  it('expands NotAction over every other service', () => {
    const summary = summarizePolicy(policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }), catalog)
    assert.equal(
      summary.allow.some((r) => r.service === 'iam'),
      false,
    )
    assert.equal(summary.allow.length, catalog.servicePrefixes().length - 1)
    assert.ok(summary.allow.every((r) => r.accessLevel === 'Full access'))
  })

  it('lists unknown services, services whose actions match nothing and services with no actions apart (SummaryAllElements)', () => {
    const summary = summarizePolicy(
      policy(
        { Effect: 'Allow', Action: ['ec2:GetConsoleScreenshots'], Resource: ['*'] },
        {
          Effect: 'Allow',
          Action: ['codedploy:*', 'codecommit:*'],
          Resource: ['arn:aws:codebuild:us-east-1:123456789012:project/my-demo-project'],
        },
        { Effect: 'Allow', Action: ['s3:GetObject', 's3:DeletObject'], Resource: ['*'] },
      ),
      catalog,
    )
    assert.deepEqual(summary.uncategorized, [
      {
        service: 'codebuild',
        effect: 'Allow',
        reason: 'no actions defined',
        entries: ['arn:aws:codebuild:us-east-1:123456789012:project/my-demo-project'],
      },
      { service: 'codedploy', effect: 'Allow', reason: 'unrecognized service', entries: ['codedploy:*'] },
      {
        service: 'ec2',
        effect: 'Allow',
        reason: 'no matching actions',
        entries: ['ec2:GetConsoleScreenshots'],
      },
    ])
    const s3 = summary.allow.find((r) => r.service === 's3')
    assert.deepEqual(s3?.unrecognizedActions, ['s3:DeletObject'])
    assert.deepEqual(
      summary.allow.map((r) => r.service),
      ['s3', 'codecommit'],
    )
  })
})

describe('catalog/summarizeService', () => {
  it('lists each action with its access level, resources and condition keys', () => {
    const document = policy(
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::b/*' },
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:ListAllMyBuckets'],
        Resource: '*',
        Condition: { Bool: { 'aws:SecureTransport': 'true' } },
      },
      { Effect: 'Deny', Action: 's3:PutObjectAcl', Resource: 'arn:aws:s3:::b/secret' },
      { Effect: 'Allow', Action: 's3:GetObjekt', Resource: '*' },
    )
    const summary = summarizeService(document, catalog, 'S3')
    assert.equal(summary.serviceName, 'Amazon S3')
    assert.deepEqual(
      summary.allow.map((r) => [r.action, r.accessLevel, r.resource, r.requestCondition]),
      [
        ['ListAllMyBuckets', 'List', 'All resources', 'aws:SecureTransport'],
        ['GetObject', 'Read', 'All resources', 'aws:SecureTransport'],
        ['PutObject', 'Write', 'arn:aws:s3:::b/*', 'None'],
      ],
    )
    assert.deepEqual(
      summary.deny.map((r) => [r.fullName, r.accessLevel, r.resource]),
      [['s3:PutObjectAcl', 'Permissions management', 'arn:aws:s3:::b/secret']],
    )
    assert.deepEqual(summary.uncategorizedActions, ['s3:GetObjekt'])
  })
})
