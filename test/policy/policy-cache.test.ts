import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { EvaluablePolicy } from '../../src/policy/decision.js'
import { evaluatePolicyRequest } from '../../src/policy/evaluate-request.js'
import { LruPolicyCache } from '../../src/policy/policy-cache.js'

const policy = (): EvaluablePolicy => ({ matching: () => [] })

describe('policy/policy-cache', () => {
  it('evicts the least recently used policy', () => {
    const cache = new LruPolicyCache(2)
    const [a, b, c] = [policy(), policy(), policy()]
    cache.set('a', a)
    cache.set('b', b)
    assert.equal(cache.get('a'), a) // a is now the most recently used
    cache.set('c', c)
    assert.equal(cache.size, 2)
    assert.equal(cache.get('b'), undefined)
    assert.equal(cache.get('a'), a)
    assert.equal(cache.get('c'), c)
  })

  it('lets evaluatePolicyRequest compile a repeated document once, per kind and form', () => {
    const cache = new LruPolicyCache(16)
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }
    const request = {
      principal: 'arn:aws:iam::111122223333:user/alice',
      action: 's3:GetObject',
      resource: '*',
      identityPolicies: [doc, doc],
      sessionPolicies: [doc],
    }
    for (let i = 0; i < 3; i++) {
      assert.deepEqual(evaluatePolicyRequest(request, { cache }), {
        name: null,
        decision: 'Allowed',
        matched: [
          { policy: 'identity[0]', statement: 0, effect: 'Allow' },
          { policy: 'identity[1]', statement: 0, effect: 'Allow' },
          { policy: 'session[0]', statement: 0, effect: 'Allow' },
        ],
      })
    }
    assert.equal(cache.size, 2) // identity and session
    evaluatePolicyRequest(request, { cache, compiled: false })
    assert.equal(cache.size, 4)
  })
})
