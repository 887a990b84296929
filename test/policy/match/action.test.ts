import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { matchAction } from '../../../src/policy/match/action.js'
import { ActionIndex } from '../../../src/policy/match/action-index.js'

describe('match/action', () => {
  it('ignores the case of the service prefix and the action name', () => {
    assert.equal(matchAction('IAM:listaccesskeys', 'iam:ListAccessKeys'), true)
    assert.equal(matchAction('iam:ListAccessKeys', 'IAM:LISTACCESSKEYS'), true)
  })
  it('globs the action name, anchored', () => {
    assert.equal(matchAction('s3:Get*', 's3:GetObject'), true)
    assert.equal(matchAction('iam:*AccessKey*', 'iam:CreateAccessKey'), true)
    assert.equal(matchAction('iam:*AccessKey*', 'iam:ListAccessKeys'), true)
    assert.equal(matchAction('s3:Get', 's3:GetObject'), false)
    assert.equal(matchAction('s3:?etObject', 's3:GetObject'), true)
  })
  it('requires the service prefixes to match', () => {
    assert.equal(matchAction('s3:*', 'ec2:RunInstances'), false)
    assert.equal(matchAction('s3:GetObject', 's3express:GetObject'), false)
  })
  it('* and *:* match every action', () => {
    assert.equal(matchAction('*', 'iam:CreateRole'), true)
    assert.equal(matchAction('*:*', 'iam:CreateRole'), true)
  })
  it('a pattern without a colon matches nothing', () => {
    assert.equal(matchAction('s3', 's3:GetObject'), false)
  })
})

describe('match/action-index', () => {
  const index = new ActionIndex([
    { position: 0, patterns: ['s3:GetObject'], negated: false },
    { position: 1, patterns: ['s3:Get*', 'ec2:*'], negated: false },
    { position: 2, patterns: ['*'], negated: false },
    { position: 3, patterns: ['iam:*'], negated: true },
    { position: 4, patterns: ['*:Describe*'], negated: false },
  ])
  it('finds exact, per-service wildcard, global and NotAction statements in document order', () => {
    assert.deepEqual(index.lookup('s3:GetObject'), [0, 1, 2, 3])
    assert.deepEqual(index.lookup('S3:GETOBJECT'), [0, 1, 2, 3])
    assert.deepEqual(index.lookup('ec2:DescribeVpcs'), [1, 2, 3, 4])
    assert.deepEqual(index.lookup('iam:CreateRole'), [2])
    assert.deepEqual(index.lookup('rds:DescribeDBInstances'), [2, 3, 4])
  })
  it('returns the same frozen array for repeated lookups', () => {
    const first = index.lookup('s3:PutObject')
    assert.equal(index.lookup('s3:PutObject'), first)
    assert.ok(Object.isFrozen(first))
  })
  it('returns a shared empty array when nothing applies', () => {
    const empty = new ActionIndex([{ position: 0, patterns: ['s3:GetObject'], negated: false }])
    assert.equal(empty.lookup('iam:CreateRole'), empty.lookup('ec2:RunInstances'))
    assert.equal(empty.lookup('iam:CreateRole').length, 0)
  })
})
