import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { OPERATORS, parseOperatorName } from '../../../src/policy/conditions/registry.js'

describe('conditions/registry', () => {
  it('holds every base operator of the IAM reference', () => {
    const names = [
      ...['Equals', 'NotEquals', 'EqualsIgnoreCase', 'NotEqualsIgnoreCase', 'Like', 'NotLike'].map(
        (s) => `String${s}`,
      ),
      ...['Equals', 'NotEquals', 'LessThan', 'LessThanEquals', 'GreaterThan', 'GreaterThanEquals'].flatMap(
        (s) => [`Numeric${s}`, `Date${s}`],
      ),
      'Bool',
      'BinaryEquals',
      'IpAddress',
      'NotIpAddress',
      'ArnEquals',
      'ArnLike',
      'ArnNotEquals',
      'ArnNotLike',
    ]
    assert.deepEqual([...OPERATORS.keys()].sort(), names.sort())
  })
  it('marks exactly the negated operators', () => {
    const negated = [...OPERATORS.values()].filter((o) => o.negated).map((o) => o.name)
    assert.deepEqual(negated.sort(), [
      'ArnNotEquals',
      'ArnNotLike',
      'DateNotEquals',
      'NotIpAddress',
      'NumericNotEquals',
      'StringNotEquals',
      'StringNotEqualsIgnoreCase',
      'StringNotLike',
    ])
  })
  it('takes operator names apart', () => {
    assert.deepEqual(
      {
        ...parseOperatorName('ForAnyValue:StringLikeIfExists'),
        base: parseOperatorName('ForAnyValue:StringLikeIfExists')?.base?.name,
      },
      { base: 'StringLike', set: 'any', ifExists: true },
    )
    assert.equal(parseOperatorName('ForAllValues:NumericEquals')?.set, 'all')
    assert.equal(parseOperatorName('StringEquals')?.set, null)
    assert.deepEqual(parseOperatorName('Null'), { base: null, set: null, ifExists: false })
  })
  it('rejects unknown, mis-cased and malformed names', () => {
    for (const bad of [
      'stringequals',
      'StringEqualz',
      'NullIfExists',
      'ForAnyValue:Null',
      'IfExists',
      'ForAnyValue:ForAllValues:StringEquals',
      'forAnyValue:StringEquals',
    ]) {
      assert.equal(parseOperatorName(bad), undefined, bad)
    }
  })
})
