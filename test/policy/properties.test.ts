import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { compilePolicy } from '../../src/policy/compile.js'
import { contextFrom } from '../../src/policy/context.js'
import { decide } from '../../src/policy/decide.js'
import type { Decision, EvaluablePolicy, PolicySet, RequestFacts } from '../../src/policy/decision.js'
import type { PolicyKind } from '../../src/policy/document.js'
import { evaluatePolicyRequest } from '../../src/policy/evaluate-request.js'
import { interpretPolicy } from '../../src/policy/interpret.js'
import { parsePolicy } from '../../src/policy/parse.js'
import { principalFacts, withPrincipalContext } from '../../src/policy/principal-facts.js'

const A = '111122223333'
const B = '444455556666'
const RUNS = { numRuns: 300 }

const PRINCIPALS = [
  `arn:aws:iam::${A}:user/alice`,
  `arn:aws:sts::${A}:assumed-role/app/s1`,
  `arn:aws:sts::${A}:federated-user/bob`,
  `arn:aws:iam::${A}:root`,
  `arn:aws:iam::${B}:user/mallory`,
  `arn:aws:iam::${A}:oidc-provider/oidc.example.com`,
  'ec2.amazonaws.com',
  '*',
]
const ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  'ec2:RunInstances',
  'iam:PassRole',
  'sts:AssumeRole',
  'sts:TagSession',
]
const RESOURCES = [
  'arn:aws:s3:::bucket/key',
  'arn:aws:s3:::alice/notes',
  `arn:aws:ec2:us-east-1:${A}:instance/i-1`,
  `arn:aws:iam::${A}:role/app`,
  `arn:aws:iam::${A}:role/team/target`,
  '*',
]
const CONTEXT_KEYS = [
  'aws:ResourceTag/team',
  'aws:SecureTransport',
  'aws:SourceIp',
  'aws:CurrentTime',
  'aws:TagKeys',
]
const CONTEXT_VALUES = ['a', 'b', 'true', 'false', '10.0.0.7', '2026-11-28T12:00:00Z', '']

const actionPattern = fc.constantFrom(
  '*',
  '*',
  's3:*',
  's3:Get*',
  'ec2:*Instances',
  'iam:PassRole',
  'sts:*',
  'S3:getobject',
)
const resourcePattern = fc.constantFrom(
  '*',
  '*',
  'arn:aws:s3:::bucket/*',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
  'arn:aws:s3:::${aws:username}/*',
  'arn:aws:ec2:*:*:instance/*',
  `arn:aws:iam::${A}:role/*`,
  `arn:aws:iam::${A}:role/team/target`,
)
const condition = fc.constantFrom(
  { StringEquals: { 'aws:ResourceTag/team': 'a' } },
  { StringNotEquals: { 'aws:ResourceTag/team': ['a', 'b'] } },
  { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/*' } },
  { Bool: { 'aws:SecureTransport': 'true' } },
  { Null: { 'aws:ResourceTag/team': 'true' } },
  { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
  { DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } },
  { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a'] } },
  { StringEqualsIfExists: { 'aws:PrincipalType': 'User' } },
)
const principal = fc.constantFrom(
  '*',
  { AWS: '*' },
  { AWS: A },
  { AWS: `arn:aws:iam::${B}:root` },
  { AWS: `arn:aws:iam::${A}:user/alice` },
  { AWS: `arn:aws:iam::${A}:role/app` },
  { AWS: `arn:aws:sts::${A}:assumed-role/app/s1` },
  { AWS: [`arn:aws:iam::${B}:user/mallory`, `arn:aws:sts::${A}:federated-user/bob`] },
  { Service: 'ec2.amazonaws.com' },
  { Federated: `arn:aws:iam::${A}:oidc-provider/oidc.example.com` },
)

function statement(withPrincipal: boolean, effect?: 'Allow' | 'Deny') {
  return fc.record(
    {
      Sid: fc.constantFrom('S1', 'Other'),
      Effect: effect === undefined ? fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny') : fc.constant(effect),
      ...(withPrincipal ? { Principal: principal } : {}),
      Action: fc.array(actionPattern, { minLength: 1, maxLength: 3 }),
      Resource: fc.array(resourcePattern, { minLength: 1, maxLength: 2 }),
      // undefined (no Condition element) three times in four
      Condition: fc.oneof(
        { weight: 3, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: condition },
      ),
    },
    { requiredKeys: ['Effect', 'Action', 'Condition', ...(withPrincipal ? ['Principal'] : [])] as never[] },
  )
}

function doc(withPrincipal: boolean, effect?: 'Allow' | 'Deny') {
  return fc.record({
    Version: fc.constantFrom('2012-10-17', '2012-10-17', '2008-10-17'),
    Statement: fc.array(statement(withPrincipal, effect), { minLength: 1, maxLength: 3 }),
  })
}

const context = fc.dictionary(
  fc.constantFrom(...CONTEXT_KEYS),
  fc.oneof(
    fc.constantFrom(...CONTEXT_VALUES),
    fc.array(fc.constantFrom(...CONTEXT_VALUES), { maxLength: 2 }),
  ),
)

const scenario = fc.record({
  principal: fc.constantFrom(...PRINCIPALS),
  action: fc.constantFrom(...ACTIONS),
  resource: fc.constantFrom(...RESOURCES),
  crossAccount: fc.constantFrom(false, false, true),
  context,
  identity: fc.array(doc(false), { maxLength: 2 }),
  boundaries: fc.array(doc(false), { maxLength: 1 }),
  session: fc.array(doc(false), { maxLength: 2 }),
  resourcePolicy: fc.option(doc(true), { nil: undefined }),
})
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never

type Build = (doc: unknown, kind: PolicyKind) => EvaluablePolicy
const compiled: Build = (d, kind) => compilePolicy(parsed(d), kind)
const interpreted: Build = (d, kind) => interpretPolicy(parsed(d), kind)

function parsed(d: unknown) {
  const result = parsePolicy(JSON.stringify(d))
  assert.ok(result.ok, `generated policy does not parse: ${JSON.stringify(d)}`)
  return result.document
}

function requestOf(s: Scenario): RequestFacts {
  const raw = contextFrom(s.context)
  const facts = principalFacts(s.principal, raw)!
  const own = facts.account || A
  return {
    principal: facts,
    action: s.action,
    resource: s.resource,
    resourceAccount: s.crossAccount ? (own === A ? B : A) : own,
    context: withPrincipalContext(facts, raw),
  }
}

function policiesOf(s: Scenario, build: Build, resourceKind: PolicyKind = 'resource'): PolicySet {
  return {
    identity: s.identity.map((d) => build(d, 'identity')),
    boundaries: s.boundaries.map((d) => build(d, 'boundary')),
    session: s.session.map((d) => build(d, 'session')),
    resource: s.resourcePolicy === undefined ? null : build(s.resourcePolicy, resourceKind),
  }
}

const allowed = (d: Decision) => d.effect === 'Allow'

describe('policy/decide properties', () => {
  it('the generated scenarios reach every outcome', () => {
    const seen = new Set<string>()
    for (const s of fc.sample(scenario, { numRuns: 400, seed: 7 })) {
      seen.add(decide(requestOf(s), policiesOf(s, compiled)).effect)
    }
    assert.deepEqual([...seen].sort(), ['Allow', 'ExplicitDeny', 'ImplicitDeny'])
  })

  it('adding a permissions boundary never turns a denial into an Allow', () => {
    fc.assert(
      fc.property(scenario, doc(false), (s, boundary) => {
        const without = decide(requestOf(s), policiesOf({ ...s, boundaries: [] }, compiled))
        const withIt = decide(requestOf(s), policiesOf({ ...s, boundaries: [boundary] }, compiled))
        if (allowed(withIt)) assert.ok(allowed(without), 'the boundary granted a permission')
      }),
      RUNS,
    )
  })

  it('adding a session policy never turns a denial into an Allow (except GetFederationToken sessions)', () => {
    // AWS: a federated-user session without a session policy has no identity-based permissions at all.
    const notFederated = scenario.filter((s) => !s.principal.includes(':federated-user/'))
    fc.assert(
      fc.property(notFederated, doc(false), (s, session) => {
        const without = decide(requestOf(s), policiesOf({ ...s, session: [] }, compiled))
        const withIt = decide(requestOf(s), policiesOf({ ...s, session: [session] }, compiled))
        if (allowed(withIt)) assert.ok(allowed(without), 'the session policy granted a permission')
      }),
      RUNS,
    )
  })

  it('an explicit deny always wins and is reported', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const request = requestOf(s)
        const policies = policiesOf(s, compiled)
        const all = [...policies.identity, ...policies.boundaries!, ...policies.session!, policies.resource]
        const denies = all.flatMap((p) => (p ? p.matching(request).filter((m) => m.effect === 'Deny') : []))
        const decision = decide(request, policies)
        assert.equal(decision.effect === 'ExplicitDeny', denies.length > 0)
        if (decision.effect === 'ExplicitDeny') assert.equal(decision.reasons.length, denies.length)
      }),
      RUNS,
    )
  })

  it('adding Allow statements anywhere never lifts an explicit deny', () => {
    fc.assert(
      fc.property(scenario, doc(false, 'Allow'), doc(true, 'Allow'), (s, extra, extraResource) => {
        const before = decide(requestOf(s), policiesOf(s, compiled))
        fc.pre(before.effect === 'ExplicitDeny')
        const more = { ...s, identity: [...s.identity, extra], session: [...s.session, extra] }
        const after = decide(requestOf(s), policiesOf({ ...more, resourcePolicy: extraResource }, compiled))
        const resourceDenied = before.reasons.some((r) => r.policy === 'resource')
        if (!resourceDenied) assert.equal(after.effect, 'ExplicitDeny')
      }),
      { numRuns: 200 },
    )
  })

  it('compiled and interpreted evaluation decide alike, with the same reasons', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const request = requestOf(s)
        assert.deepEqual(
          decide(request, policiesOf(s, compiled)),
          decide(request, policiesOf(s, interpreted)),
        )
        assert.deepEqual(
          decide(request, policiesOf(s, compiled, 'trust')),
          decide(request, policiesOf(s, interpreted, 'trust')),
        )
      }),
      { numRuns: 500 },
    )
  })

  it('never throws on arbitrary documents and contexts', () => {
    const anyDoc = fc.oneof(doc(true), doc(false), fc.jsonValue({ maxDepth: 4 }))
    const anyContext = fc.dictionary(
      fc.string(),
      fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 })),
    )
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...PRINCIPALS), fc.string()),
        fc.oneof(fc.constantFrom(...ACTIONS), fc.string()),
        fc.oneof(fc.constantFrom(...RESOURCES), fc.string()),
        anyContext,
        fc.array(anyDoc, { maxLength: 3 }),
        anyDoc,
        fc.boolean(),
        (principal, action, resource, ctx, docs, resourcePolicy, useCompiled) => {
          const request = {
            name: 'p',
            principal,
            action,
            resource,
            context: ctx,
            identityPolicies: docs,
            permissionsBoundaries: docs.slice(1),
            sessionPolicies: docs.slice(2),
            resourcePolicy,
          }
          const response = evaluatePolicyRequest(request, { compiled: useCompiled })
          assert.equal(response.name, 'p')
          if ('error' in response) assert.doesNotMatch(response.error, /^internal error/)
          // decide() turns a throwing matcher into an implicit deny; check the matchers do not throw at all.
          const raw = contextFrom(ctx)
          const facts = principalFacts(principal, raw)
          if (facts === undefined) return
          const requestFacts: RequestFacts = {
            principal: facts,
            action,
            resource,
            context: withPrincipalContext(facts, raw),
          }
          for (const d of [...docs, resourcePolicy]) {
            const result = parsePolicy(d)
            if (!result.ok) continue
            for (const kind of ['identity', 'resource', 'trust'] as const) {
              compilePolicy(result.document, kind).matching(requestFacts)
              interpretPolicy(result.document, kind).matching(requestFacts)
            }
          }
        },
      ),
      RUNS,
    )
  })
})
