// biome-ignore-all lint/suspicious/noTemplateCurlyInString: policy variables are literal text here
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { compilePolicy } from '../../src/policy/compile.js'
import { contextFrom } from '../../src/policy/context.js'
import type { RequestFacts } from '../../src/policy/decision.js'
import type { PolicyDocument, PolicyKind, PrincipalBlock, Statement } from '../../src/policy/document.js'
import { interpretPolicy } from '../../src/policy/interpret.js'
import type { PrincipalFacts } from '../../src/policy/principal.js'

const A = '111122223333'

const word = (chars: readonly string[], max = 6) =>
  fc.array(fc.constantFrom(...chars), { maxLength: max }).map((parts) => parts.join(''))

const actionPattern = fc.oneof(
  fc.constant('*'),
  fc.constant('s3'),
  fc
    .tuple(fc.constantFrom('s3', 'S3', 'iam', 'ec2', '*', 's?'), word(['G', 'e', 't', 'o', '*', '?']))
    .map(([s, n]) => `${s}:${n}`),
)
const requestAction = fc.oneof(
  fc.constant('s3'),
  fc
    .tuple(fc.constantFrom('s3', 'IAM', 'iam', 'ec2', 'sts'), word(['G', 'e', 't', 'O', 'o']))
    .map(([s, n]) => `${s}:${n}`),
)

const resourcePart = fc.oneof(
  fc.constantFrom('*', 'a*', 'a', 'alice/*', '${aws:username}/*', '*/a'),
  word(['a', 'B', '/', ':', '*', '?', '${aws:username}', "${app:x, 'd'}", '${*}', '${?}', '${'], 5),
)
const resourcePattern = fc.oneof(
  fc.constant('*'),
  fc.constantFrom('arn:aws:s3:*', 'arn:aws:s3', 'arn:aws', 'arn:aws:s3:::a', 'arn:*:s3:::*', 'b*'),
  fc
    .tuple(
      fc.constantFrom('aws', 'AWS', '*', 'a?s', 'aws-cn'),
      fc.constantFrom('s3', 'S3', 'iam', '*'),
      fc.constantFrom('', 'us-east-1', '*', 'us-*'),
      fc.constantFrom('', A, '*', '1111*'),
      resourcePart,
    )
    .map(([p, s, r, a, rest]) => `arn:${p}:${s}:${r}:${a}:${rest}`),
)
const requestResource = fc.oneof(
  fc.constantFrom('*', 'not-an-arn', 'arn:aws:s3'),
  fc
    .tuple(
      fc.constantFrom('aws', 'aws-cn'),
      fc.constantFrom('s3', 'iam'),
      fc.constantFrom('', 'us-east-1'),
      fc.constantFrom('', A),
    )
    .chain(([p, s, r, a]) =>
      word(['a', 'B', '/', ':', '*', '?', 'alice', 'd', '$'], 4).map(
        (rest) => `arn:${p}:${s}:${r}:${a}:${rest}`,
      ),
    ),
)

const BASES = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateGreaterThan',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Bogus',
]
const operatorName = fc.oneof(
  fc.constant('Null'),
  fc
    .tuple(fc.constantFrom('', 'ForAnyValue:', 'ForAllValues:'), fc.constantFrom(...BASES), fc.boolean())
    .map(([set, base, ifExists]) => `${set}${base}${ifExists ? 'IfExists' : ''}`),
)
const KEYS = ['aws:username', 'AWS:TagKeys', 'app:x', 'aws:SourceIp']
const VALUES = [
  'alice',
  'ALICE',
  'a*',
  '*',
  '',
  '10',
  '10.0',
  '-1',
  '2024-01-01T00:00:00Z',
  '1704067200',
  'true',
  'FALSE',
  'QUJD',
  '10.0.0.0/8',
  '10.1.2.3',
  '2001:db8::/32',
  '2001:db8::1',
  'arn:aws:s3:::a*',
  'arn:aws:s3:::alice',
  '${aws:username}',
  "${app:x, 'alice'}",
  'home/${aws:username}/*',
  '${*}',
  '${aws:tagkeys}',
]
const condition = fc.record({
  operator: operatorName,
  key: fc.constantFrom(...KEYS),
  values: fc.array(fc.constantFrom(...VALUES), { maxLength: 3 }),
})
const contextValue = fc.oneof(
  fc.constantFrom(...VALUES),
  fc.array(fc.constantFrom(...VALUES), { maxLength: 3 }),
)
const context = fc.dictionary(fc.constantFrom(...KEYS.map((k) => k.toLowerCase())), contextValue)

const principalBlock: fc.Arbitrary<PrincipalBlock> = fc.oneof(
  fc.constant<PrincipalBlock>({ kind: 'any' }),
  fc
    .record({
      aws: fc.array(
        fc.constantFrom(
          '*',
          A,
          `arn:aws:iam::${A}:root`,
          `arn:aws:iam::${A}:user/alice`,
          `arn:aws:iam::${A}:role/app`,
          `arn:aws:iam::${A}:role/team/app`,
          `arn:aws:sts::${A}:assumed-role/app/s1`,
          'AROAEXAMPLE',
          '444455556666',
        ),
        { maxLength: 2 },
      ),
      service: fc.array(fc.constantFrom('ec2.amazonaws.com'), { maxLength: 1 }),
      federated: fc.array(fc.constantFrom('accounts.google.com'), { maxLength: 1 }),
      canonicalUser: fc.constant([] as string[]),
    })
    .map((m) => ({ kind: 'map' as const, ...m })),
)
const FACTS: readonly PrincipalFacts[] = [
  {
    type: 'User',
    arn: `arn:aws:iam::${A}:user/alice`,
    account: A,
    principalArn: `arn:aws:iam::${A}:user/alice`,
  },
  {
    type: 'AssumedRole',
    arn: `arn:aws:sts::${A}:assumed-role/app/s1`,
    account: A,
    principalArn: `arn:aws:iam::${A}:role/team/app`,
    uniqueId: 'AROAEXAMPLE',
    hasBoundary: true,
  },
  { type: 'Anonymous', arn: '*', account: '', principalArn: '*' },
  {
    type: 'Service',
    arn: 'ec2.amazonaws.com',
    account: '',
    principalArn: 'ec2.amazonaws.com',
    service: 'ec2.amazonaws.com',
  },
]

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined })
const statement = fc
  .record({
    sid: optional(fc.constantFrom('A', 'B')),
    effect: fc.constantFrom<'Allow' | 'Deny'>('Allow', 'Deny'),
    actions: fc.array(actionPattern, { minLength: 1, maxLength: 3 }),
    notAction: fc.boolean(),
    resources: optional(fc.array(resourcePattern, { minLength: 1, maxLength: 3 })),
    notResource: fc.boolean(),
    principal: optional(principalBlock),
    notPrincipal: fc.boolean(),
    conditions: fc.array(condition, { maxLength: 3 }),
  })
  .map(
    (s): Omit<Statement, 'index'> => ({
      sid: s.sid,
      effect: s.effect,
      ...(s.notAction ? { notAction: s.actions } : { action: s.actions }),
      ...(s.resources === undefined
        ? {}
        : s.notResource
          ? { notResource: s.resources }
          : { resource: s.resources }),
      ...(s.principal === undefined
        ? {}
        : s.notPrincipal
          ? { notPrincipal: s.principal }
          : { principal: s.principal }),
      conditions: s.conditions,
    }),
  )
const documentArb = fc
  .record({
    version: fc.constantFrom<PolicyDocument['version']>('2012-10-17', '2008-10-17'),
    statements: fc.array(statement, { minLength: 1, maxLength: 4 }),
  })
  .map(
    (d): PolicyDocument => ({
      version: d.version,
      statements: d.statements.map((s, index) => ({ ...s, index })),
    }),
  )
const requestArb = fc
  .record({ principal: fc.constantFrom(...FACTS), action: requestAction, resource: requestResource, context })
  .map((r): RequestFacts => ({ ...r, context: contextFrom(r.context) }))
const kindArb = fc.constantFrom<PolicyKind>('identity', 'resource', 'trust', 'boundary', 'session')

describe('compilePolicy agrees with interpretPolicy', () => {
  it('returns identical statements for random documents and requests, and never throws', () => {
    fc.assert(
      fc.property(
        documentArb,
        kindArb,
        fc.array(requestArb, { minLength: 1, maxLength: 4 }),
        (doc, kind, requests) => {
          const compiled = compilePolicy(doc, kind)
          const interpreted = interpretPolicy(doc, kind)
          for (const request of requests) {
            const expected = interpreted.matching(request)
            assert.deepEqual([...compiled.matching(request)], [...expected])
            // A second call is served from the action memo and must not differ.
            assert.deepEqual([...compiled.matching(request)], [...expected])
          }
        },
      ),
      { numRuns: 2000 },
    )
  })
})
