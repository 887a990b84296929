import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { getCatalog } from '../../src/catalog/index.js'

const catalog = getCatalog()

describe('catalog/lookups', () => {
  it('knows service prefixes case-insensitively and names them', () => {
    assert.equal(catalog.hasService('s3'), true)
    assert.equal(catalog.hasService('IAM'), true)
    assert.equal(catalog.hasService('codedploy'), false)
    assert.equal(catalog.serviceName('s3'), 'Amazon S3')
    assert.ok(catalog.servicePrefixes().includes('ec2'))
  })

  it('resolves actions case-insensitively to their canonical spelling', () => {
    assert.equal(catalog.resolveAction('IAM:createrole'), 'iam:CreateRole')
    assert.equal(catalog.resolveAction('s3:getobject'), 's3:GetObject')
    assert.equal(catalog.resolveAction('s3:GetObjekt'), undefined)
    assert.equal(catalog.resolveAction('codedploy:CreateApplication'), undefined)
    assert.equal(catalog.resolveAction('no-colon'), undefined)
  })

  const levels: readonly [string, string][] = [
    ['iam:CreateRole', 'Write'],
    ['iam:AttachRolePolicy', 'Permissions management'],
    ['iam:PutRolePolicy', 'Permissions management'],
    ['s3:PutBucketPolicy', 'Permissions management'],
    ['s3:ListAllMyBuckets', 'List'],
    ['s3:GetObject', 'Read'],
    ['iam:GetRole', 'Read'],
    ['ec2:CreateTags', 'Tagging'],
    ['iam:TagRole', 'Tagging'],
    ['iam:PassRole', 'Write'],
    ['sts:AssumeRole', 'Write'],
  ]
  for (const [action, level] of levels) {
    it(`grades ${action} as ${level}`, () => {
      assert.equal(catalog.action(action)?.accessLevel, level)
    })
  }

  it('gives every action one of the five access levels', () => {
    const allowed = new Set(['List', 'Read', 'Write', 'Permissions management', 'Tagging'])
    for (const action of catalog.actions('iam')) assert.ok(allowed.has(action.accessLevel), action.fullName)
  })

  it('lists the resource types of an action with their ARN formats', () => {
    const types = catalog.actionResourceTypes('iam:CreateRole')
    assert.deepEqual(
      types.map((t) => [t.name, t.required, t.arnFormat]),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the reference's ARN format uses ${} placeholders
      [['role', true, 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}']],
    )
    assert.deepEqual(catalog.actionResourceTypes('s3:ListAllMyBuckets'), [])
    // AWS: some resource types support no condition keys; the data omits the list for them.
    assert.deepEqual(
      catalog.actionResourceTypes('sts:AssumeRoot').map((t) => [t.name, t.conditionKeys]),
      [['root-user', []]],
    )
    assert.ok(catalog.action('iam:CreateRole')?.conditionKeys.includes('iam:PermissionsBoundary'))
  })

  it('expands wildcards over the catalog', () => {
    const gets = catalog.matchActions('s3:Get*').map((a) => a.fullName)
    assert.ok(gets.includes('s3:GetObject'))
    assert.ok(gets.every((name) => name.startsWith('s3:Get')))
    assert.deepEqual(
      catalog.matchActions('iam:?etRole').map((a) => a.fullName),
      ['iam:GetRole'],
    )
    assert.equal(catalog.matchActions('iam:*').length, catalog.actions('iam').length)
    assert.deepEqual(catalog.matchActions('s3:Nothing*'), [])
  })

  const keyTypes: readonly [string, string, boolean][] = [
    ['aws:SourceIp', 'IPAddress', true],
    ['aws:MultiFactorAuthPresent', 'Bool', true],
    ['aws:CurrentTime', 'Date', true],
    ['aws:MultiFactorAuthAge', 'Numeric', true],
    ['aws:PrincipalArn', 'ARN', true],
    ['aws:TagKeys', 'ArrayOfString', true],
    ['AWS:principaltag/team', 'String', true],
    ['s3:x-amz-acl', 'String', false],
    ['iam:PassedToService', 'String', false],
    ['iam:PolicyARN', 'ARN', false],
    ['ec2:ResourceTag/Name', 'String', false],
    ['saml:aud', 'String', false],
  ]
  for (const [key, type, global] of keyTypes) {
    it(`types condition key ${key} as ${type}`, () => {
      const info = catalog.conditionKey(key)
      assert.equal(info?.type, type)
      assert.equal(info?.global, global)
    })
  }

  it('does not invent condition keys', () => {
    assert.equal(catalog.conditionKey('aws:NoSuchKey'), undefined)
    assert.equal(catalog.conditionKey('s3:NoSuchKey'), undefined)
    assert.equal(catalog.conditionKey('aws:PrincipalTag/'), undefined)
  })
})
