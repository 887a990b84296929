import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { compilePolicy } from '../../src/policy/compile.js'
import { contextFrom } from '../../src/policy/context.js'
import type { EvaluablePolicy, RequestFacts } from '../../src/policy/decision.js'
import type { PolicyDocument, PolicyKind, Statement } from '../../src/policy/document.js'
import { interpretPolicy } from '../../src/policy/interpret.js'

const A = '111122223333'

const request: RequestFacts = {
  principal: {
    type: 'AssumedRole',
    arn: `arn:aws:sts::${A}:assumed-role/app/s1`,
    account: A,
    principalArn: `arn:aws:iam::${A}:role/app`,
  },
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::bucket/key',
  context: contextFrom({ 'aws:SourceIp': '10.0.0.1' }),
}

const doc = (...statements: Omit<Statement, 'index' | 'conditions'>[]): PolicyDocument => ({
  version: '2012-10-17',
  statements: statements.map((s, index) => ({ conditions: [], ...s, index })),
})

/** Runs both evaluators and checks they agree. */
function matching(policy: PolicyDocument, kind: PolicyKind = 'identity', facts: RequestFacts = request) {
  const results = [interpretPolicy, compilePolicy].map(
    (build: (d: PolicyDocument, k: PolicyKind) => EvaluablePolicy) => build(policy, kind).matching(facts),
  )
  assert.deepEqual([...results[1]!], [...results[0]!])
  return results[0]!
}

describe('interpretPolicy and compilePolicy', () => {
  it('return matching statements in document order with sid, effect and principal match', () => {
    const policy = doc(
      { sid: 'One', effect: 'Allow', action: ['s3:*'], resource: ['*'] },
      { effect: 'Allow', action: ['ec2:*'], resource: ['*'] },
      { sid: 'Three', effect: 'Deny', action: ['s3:GetObject'], resource: ['arn:aws:s3:::bucket/*'] },
    )
    assert.deepEqual(matching(policy), [
      { statement: 0, sid: 'One', effect: 'Allow', principalMatch: 'none' },
      { statement: 2, sid: 'Three', effect: 'Deny', principalMatch: 'none' },
    ])
  })
  it('report how a resource-policy principal matched', () => {
    const policy = doc(
      {
        effect: 'Allow',
        principal: { kind: 'map', aws: [A], service: [], federated: [], canonicalUser: [] },
        action: ['s3:*'],
        resource: ['*'],
      },
      {
        effect: 'Allow',
        principal: {
          kind: 'map',
          aws: [`arn:aws:iam::${A}:role/app`],
          service: [],
          federated: [],
          canonicalUser: [],
        },
        action: ['s3:*'],
        resource: ['*'],
      },
      { effect: 'Allow', principal: { kind: 'any' }, action: ['s3:*'], resource: ['*'] },
      {
        effect: 'Allow',
        principal: { kind: 'map', aws: ['444455556666'], service: [], federated: [], canonicalUser: [] },
        action: ['s3:*'],
        resource: ['*'],
      },
    )
    assert.deepEqual(
      matching(policy, 'resource').map((m) => m.principalMatch),
      ['account', 'role', 'direct'],
    )
  })
  it('apply NotAction and NotResource to everything they do not list', () => {
    const policy = doc(
      { effect: 'Deny', notAction: ['s3:*'], resource: ['*'] },
      { effect: 'Deny', notAction: ['iam:*'], resource: ['*'] },
      { effect: 'Allow', action: ['*'], notResource: ['arn:aws:s3:::other/*'] },
      { effect: 'Allow', action: ['*'], notResource: ['arn:aws:s3:::bucket/*'] },
    )
    assert.deepEqual(
      matching(policy).map((m) => m.statement),
      [1, 2],
    )
  })
  it('match any resource when a trust statement has no Resource', () => {
    const trust = doc({ effect: 'Allow', principal: { kind: 'any' }, action: ['sts:AssumeRole'] })
    const assume = { ...request, action: 'sts:AssumeRole', resource: `arn:aws:iam::${A}:role/app` }
    assert.equal(matching(trust, 'trust', assume).length, 1)
  })
  it('apply a NotPrincipal Deny to callers that are not listed', () => {
    const listed = {
      kind: 'map' as const,
      aws: [`arn:aws:sts::${A}:assumed-role/app/s1`, `arn:aws:iam::${A}:role/app`, `arn:aws:iam::${A}:root`],
      service: [],
      federated: [],
      canonicalUser: [],
    }
    const other = { ...listed, aws: ['arn:aws:iam::444455556666:root'] }
    assert.equal(
      matching(doc({ effect: 'Deny', notPrincipal: listed, action: ['*'], resource: ['*'] }), 'resource')
        .length,
      0,
    )
    assert.deepEqual(
      matching(doc({ effect: 'Deny', notPrincipal: other, action: ['*'], resource: ['*'] }), 'resource'),
      [{ statement: 0, sid: undefined, effect: 'Deny', principalMatch: 'direct' }],
    )
    const bounded = { ...request, principal: { ...request.principal, hasBoundary: true } }
    assert.equal(
      matching(
        doc({ effect: 'Deny', notPrincipal: listed, action: ['*'], resource: ['*'] }),
        'resource',
        bounded,
      ).length,
      1,
    )
  })
  it('drop a statement whose condition fails or whose operator is unknown', () => {
    const policy: PolicyDocument = {
      version: '2012-10-17',
      statements: [
        {
          index: 0,
          effect: 'Allow',
          action: ['*'],
          resource: ['*'],
          conditions: [{ operator: 'IpAddress', key: 'AWS:SourceIP', values: ['10.0.0.0/8'] }],
        },
        {
          index: 1,
          effect: 'Allow',
          action: ['*'],
          resource: ['*'],
          conditions: [{ operator: 'IpAddress', key: 'aws:SourceIp', values: ['192.168.0.0/16'] }],
        },
        {
          index: 2,
          effect: 'Allow',
          action: ['*'],
          resource: ['*'],
          conditions: [{ operator: 'IpAddressMaybe', key: 'aws:SourceIp', values: ['10.0.0.0/8'] }],
        },
      ],
    }
    assert.deepEqual(
      matching(policy).map((m) => m.statement),
      [0],
    )
  })
  it('never match a statement without Action or NotAction', () => {
    assert.equal(matching(doc({ effect: 'Allow', resource: ['*'] })).length, 0)
  })
  it('compiled: returns one shared frozen empty array when nothing matches', () => {
    const policy = compilePolicy(doc({ effect: 'Allow', action: ['ec2:*'], resource: ['*'] }), 'identity')
    const first = policy.matching(request)
    assert.equal(first.length, 0)
    assert.ok(Object.isFrozen(first))
    assert.equal(policy.matching({ ...request, action: 'iam:CreateRole' }), first)
    const other = compilePolicy(
      doc({ effect: 'Allow', action: ['s3:*'], resource: ['arn:aws:s3:::x/*'] }),
      'identity',
    )
    assert.equal(other.matching(request), first)
  })
  it('compiled: returns the same frozen result for repeated single matches', () => {
    const policy = compilePolicy(doc({ effect: 'Allow', action: ['s3:*'], resource: ['*'] }), 'identity')
    const first = policy.matching(request)
    assert.ok(Object.isFrozen(first) && Object.isFrozen(first[0]))
    assert.equal(policy.matching(request), first)
  })
})
