import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import type { PolicyKind } from '../../src/policy/document.js'
import { POLICY_SIZE_LIMITS, policySize } from '../../src/policy/size.js'
import { validatePolicy } from '../../src/policy/validate.js'
import { isPolicyDate } from '../../src/policy/validate-date.js'

const KINDS: readonly PolicyKind[] = ['identity', 'resource', 'trust', 'boundary', 'session']
const statement = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }
const messages = (input: unknown, kind: PolicyKind = 'identity', options = {}) =>
  validatePolicy(input, kind, options).map((issue) => issue.message)

/** Policy-shaped values: right keys, arbitrary values, so fuzzing reaches past the syntax check. */
const policyLike = fc.record(
  {
    Version: fc.constantFrom('2012-10-17', '2008-10-17', 'x'),
    Statement: fc.array(
      fc.record(
        {
          Sid: fc.oneof(fc.string(), fc.integer()),
          Effect: fc.constantFrom('Allow', 'Deny', 'allow', 'x'),
          Principal: fc.oneof(
            fc.constant('*'),
            fc.dictionary(fc.constantFrom('AWS', 'Service', 'Federated'), fc.string()),
          ),
          Action: fc.oneof(fc.string(), fc.array(fc.string())),
          Resource: fc.oneof(fc.string(), fc.array(fc.string())),
          Condition: fc.dictionary(fc.string(), fc.dictionary(fc.string(), fc.jsonValue())),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
)

describe('policy/validate', () => {
  it('accepts a minimal valid policy of every kind that needs no principal', () => {
    for (const kind of ['identity', 'boundary', 'session'] as const) {
      assert.deepEqual(validatePolicy({ Version: '2012-10-17', Statement: [statement] }, kind), [])
    }
  })

  it('reports every finding, the earliest check first', () => {
    const issues = validatePolicy(
      {
        Version: '2012-10-17',
        Statement: [{ ...statement, Action: 'GetObject', Resource: 'adf', Sid: 'a-b' }],
      },
      'identity',
    )
    assert.deepEqual(
      issues.map((i) => [i.path, i.message]),
      [
        [
          'Statement[0].Sid',
          'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
        ],
        ['Statement[0].Resource', 'Resource adf must be in ARN format or "*".'],
        ['Statement[0].Action', 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.'],
      ],
    )
  })

  it('reports unparseable JSON of a trust policy as invalid Json, of other kinds as a syntax error', () => {
    for (const kind of KINDS) {
      const expected = kind === 'trust' ? 'This policy contains invalid Json' : 'Syntax errors in policy.'
      assert.deepEqual(messages('{"Statement": [', kind), [expected])
    }
  })

  it('validates an already-parsed value like its JSON text', () => {
    const value = { Version: '2012-10-17', Statement: [{ ...statement, Effect: 'allow' }] }
    assert.deepEqual(validatePolicy(value, 'identity'), validatePolicy(JSON.stringify(value), 'identity'))
  })

  it('warns when a document without Version 2012-10-17 uses policy variables', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
    const value = { Statement: [{ ...statement, Resource: 'arn:aws:s3:::b/${aws:username}' }] }
    assert.deepEqual(validatePolicy(value, 'identity'), [
      {
        severity: 'warning',
        path: 'Version',
        message: 'Policy variables are literal text without "Version": "2012-10-17".',
        code: 'VariablesNeedVersion2012',
      },
    ])
    assert.deepEqual(validatePolicy({ ...value, Version: '2012-10-17' }, 'identity'), [])
  })

  it('rejects values without JSON text', () => {
    for (const input of [undefined, () => 1, Symbol('s'), 10n]) {
      assert.deepEqual(messages(input), ['Syntax errors in policy.'])
    }
  })

  it('survives deeply nested input', () => {
    const deep = `${'['.repeat(60000)}${']'.repeat(60000)}`
    assert.deepEqual(messages(deep), ['Syntax errors in policy.'])
  })

  it('never throws, on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom(...KINDS), (text, kind) => {
        assert.ok(Array.isArray(validatePolicy(text, kind)))
      }),
      { numRuns: 1000 },
    )
  })

  it('never throws, on arbitrary JSON values and their text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(...KINDS), (value, kind) => {
        assert.ok(Array.isArray(validatePolicy(value, kind)))
        assert.ok(Array.isArray(validatePolicy(JSON.stringify(value), kind, { managed: true })))
      }),
      { numRuns: 1000 },
    )
  })

  it('never throws on policy-shaped values, and every error carries an AWS code', () => {
    fc.assert(
      fc.property(policyLike, fc.constantFrom(...KINDS), fc.boolean(), (value, kind, managed) => {
        for (const issue of validatePolicy(value, kind, { managed, accountId: '123456789012' })) {
          if (issue.severity === 'error') {
            assert.ok(
              ['MalformedPolicyDocument', 'LimitExceeded', 'ValidationError'].includes(issue.code ?? ''),
            )
          }
        }
      }),
      { numRuns: 1000 },
    )
  })
})

describe('policy/size', () => {
  it('does not count whitespace outside strings', () => {
    assert.equal(policySize('{ "a" : "b c" }\n'), '{"a":"b c"}'.length)
    assert.equal(policySize('\t{\r\n"Version" :\n "2012-10-17"}'), '{"Version":"2012-10-17"}'.length)
  })

  it('equals the compact JSON length of any pretty-printed JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 8 }), (value, indent) => {
        assert.equal(policySize(JSON.stringify(value, null, indent)), JSON.stringify(value).length)
      }),
      { numRuns: 1000 },
    )
  })

  it('counts escape sequences as written', () => {
    assert.equal(policySize('"\\u0041"'), 8)
  })

  it('keeps the quotas and their messages as data', () => {
    assert.equal(POLICY_SIZE_LIMITS.managed.limit, 6144)
    assert.equal(POLICY_SIZE_LIMITS.userInline.limit, 2048)
    assert.equal(POLICY_SIZE_LIMITS.roleInline.limit, 10240)
    assert.equal(POLICY_SIZE_LIMITS.groupInline.limit, 5120)
    assert.equal(POLICY_SIZE_LIMITS.trust.limit, 2048)
    assert.equal(POLICY_SIZE_LIMITS.session.limit, 2048)
    const { roleInline, trust } = POLICY_SIZE_LIMITS
    assert.equal(
      roleInline.message('app', roleInline.limit),
      'Maximum policy size of 10240 bytes exceeded for role app',
    )
    assert.equal(trust.message('', 4096), 'Cannot exceed quota for ACLSizePerRole: 4096')
  })

  it('applies a limit only past it, not at it', () => {
    const padded = (n: number) => {
      const base = JSON.stringify({ Version: '2012-10-17', Statement: [{ ...statement, Sid: '' }] })
      const sid = 'x'.repeat(n - policySize(base))
      return base.replace('"Sid":""', `"Sid":"${sid}"`)
    }
    assert.equal(policySize(padded(6144)), 6144)
    assert.deepEqual(messages(padded(6144), 'identity', { managed: true }), [])
    assert.deepEqual(messages(padded(6145), 'identity', { managed: true }), [
      'Cannot exceed quota for PolicySize: 6144',
    ])
  })
})

describe('policy/validate-date', () => {
  const accepted = [
    '0',
    '1700000000',
    '2024',
    '2024-05',
    '2024-05-07',
    '2024-05-07T23:47Z',
    '2024-05-07T23:47:00-08',
  ]
  const rejected = [
    '',
    'now',
    '-1',
    '2024-5-7',
    '2024-05-07T23:47',
    '2024-05-32',
    '2024-05-07T23:60:00Z',
    '1e9',
  ]
  for (const value of accepted) it(`accepts ${JSON.stringify(value)}`, () => assert.ok(isPolicyDate(value)))
  for (const value of rejected) it(`rejects ${JSON.stringify(value)}`, () => assert.ok(!isPolicyDate(value)))
})
