import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { parsePolicy } from '../../src/policy/parse.js'

const ok = (input: unknown) => {
  const result = parsePolicy(input)
  assert.ok(result.ok, JSON.stringify(result))
  return result.document
}

describe('policy/parse', () => {
  it('turns single values into arrays and keeps statement order and indexes', () => {
    const document = ok({
      Version: '2012-10-17',
      Id: 'p1',
      Statement: [
        { Sid: 'A', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
        { Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], NotResource: '*' },
      ],
    })
    assert.deepEqual(document, {
      version: '2012-10-17',
      id: 'p1',
      statements: [
        {
          index: 0,
          sid: 'A',
          effect: 'Allow',
          action: ['s3:GetObject'],
          resource: ['arn:aws:s3:::b/*'],
          conditions: [],
        },
        { index: 1, effect: 'Deny', notAction: ['iam:*', 'sts:*'], notResource: ['*'], conditions: [] },
      ],
    })
  })

  it('reads a single-object Statement as statement 0', () => {
    const document = ok('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}')
    assert.equal(document.statements.length, 1)
    assert.equal(document.statements[0]?.index, 0)
  })

  it('takes an absent Version as 2008-10-17', () => {
    assert.equal(ok({ Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }).version, '2008-10-17')
  })

  it('normalizes condition values to strings, numbers as written', () => {
    const text =
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":' +
      '{"NumericLessThan":{"s3:max-keys":[10, 1.50]},"Bool":{"aws:SecureTransport":true},' +
      '"DateGreaterThan":{"aws:EpochTime":9223372036854775807}}}}'
    assert.deepEqual(ok(text).statements[0]?.conditions, [
      { operator: 'NumericLessThan', key: 's3:max-keys', values: ['10', '1.50'] },
      { operator: 'Bool', key: 'aws:SecureTransport', values: ['true'] },
      { operator: 'DateGreaterThan', key: 'aws:EpochTime', values: ['9223372036854775807'] },
    ])
  })

  it('reads principal blocks', () => {
    const document = ok({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' },
        {
          Effect: 'Allow',
          NotPrincipal: { AWS: '123456789012', Service: ['ec2.amazonaws.com'] },
          Action: 's3:GetObject',
          Resource: '*',
        },
      ],
    })
    assert.deepEqual(document.statements[0]?.principal, { kind: 'any' })
    assert.deepEqual(document.statements[1]?.notPrincipal, {
      kind: 'map',
      aws: ['123456789012'],
      service: ['ec2.amazonaws.com'],
      federated: [],
      canonicalUser: [],
    })
  })

  it('rejects duplicate keys in one object, with the duplicate path', () => {
    const result = parsePolicy(
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Effect":"Deny","Action":"*"}}',
    )
    assert.equal(result.ok, false)
    assert.deepEqual(!result.ok && result.issues[0], {
      severity: 'error',
      path: 'Statement.Effect',
      message: 'Syntax errors in policy.',
      code: 'MalformedPolicyDocument',
    })
  })

  it('accepts the same key in different objects', () => {
    ok(
      '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"*","Resource":"*"}]}',
    )
  })

  it('rejects an Effect not written Allow or Deny', () => {
    const result = parsePolicy({ Statement: { Effect: 'allow', Action: '*', Resource: '*' } })
    assert.equal(!result.ok && result.issues[0]?.message, 'The policy failed legacy parsing')
  })

  it('rejects structural errors and invalid JSON', () => {
    for (const input of [
      '{',
      '[]',
      '{"Statement":[]}',
      '{"Statement":{"Effect":"Allow","Action":5}}',
      undefined,
      10n,
    ]) {
      const result = parsePolicy(input)
      assert.equal(result.ok, false, String(input))
      assert.equal(!result.ok && result.issues[0]?.message, 'Syntax errors in policy.')
    }
  })

  it('does not let a __proto__ key reach a prototype', () => {
    const result = parsePolicy(
      '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","__proto__":{"x":1}}}',
    )
    assert.equal(!result.ok && result.issues[0]?.path, 'Statement.__proto__')
    assert.equal(({} as Record<string, unknown>).x, undefined)
  })

  it('never throws, on any string or JSON value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue(), fc.json()), (input) => {
        const result = parsePolicy(input)
        assert.ok(result.ok || result.issues.length > 0)
      }),
      { numRuns: 500 },
    )
  })
})
