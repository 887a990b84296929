import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { contextFrom } from '../../src/policy/context.js'
import { decide } from '../../src/policy/decide.js'
import type {
  EvaluablePolicy,
  MatchedStatement,
  PolicySet,
  PrincipalMatch,
  RequestFacts,
} from '../../src/policy/decision.js'
import type { PrincipalFacts } from '../../src/policy/principal.js'

const A = '111122223333'
const B = '444455556666'
const PRINCIPALS: Record<string, PrincipalFacts> = {
  user: {
    type: 'User',
    arn: `arn:aws:iam::${A}:user/alice`,
    account: A,
    principalArn: `arn:aws:iam::${A}:user/alice`,
  },
  session: {
    type: 'AssumedRole',
    arn: `arn:aws:sts::${A}:assumed-role/app/s1`,
    account: A,
    principalArn: `arn:aws:iam::${A}:role/app`,
  },
  federated: {
    type: 'FederatedUser',
    arn: `arn:aws:sts::${A}:federated-user/bob`,
    account: A,
    principalArn: `arn:aws:sts::${A}:federated-user/bob`,
  },
  root: {
    type: 'Account',
    arn: `arn:aws:iam::${A}:root`,
    account: A,
    principalArn: `arn:aws:iam::${A}:root`,
  },
  web: {
    type: 'WebIdentity',
    arn: `arn:aws:iam::${A}:oidc-provider/oidc.example.com`,
    account: A,
    principalArn: `arn:aws:iam::${A}:oidc-provider/oidc.example.com`,
  },
  service: { type: 'Service', arn: 'ec2.amazonaws.com', account: '', principalArn: 'ec2.amazonaws.com' },
  anonymous: { type: 'Anonymous', arn: '*', account: '', principalArn: '*' },
}

/** A fake policy whose statements all match: `A`, `D`, `A:direct`, `D:role`, … (effect, principal match). */
function fake(statements: readonly string[]): EvaluablePolicy {
  const matched: MatchedStatement[] = statements.map((s, statement) => {
    const [effect, match] = s.split(':')
    return {
      statement,
      sid: `S${statement}`,
      effect: effect === 'D' ? 'Deny' : 'Allow',
      principalMatch: (match ?? 'none') as PrincipalMatch,
    }
  })
  return { matching: () => matched }
}

interface Case {
  readonly name: string
  readonly principal: keyof typeof PRINCIPALS
  readonly action?: string
  readonly resource?: string
  readonly resourceAccount?: string
  readonly identity?: readonly (readonly string[])[]
  readonly boundaries?: readonly (readonly string[])[]
  readonly session?: readonly (readonly string[])[]
  readonly resourcePolicy?: readonly string[]
  /** effect, then the reasons as `label#statement`. */
  readonly expected: readonly [string, ...string[]]
}

const ROLE_ARN = `arn:aws:iam::${A}:role/target`
const trust = { action: 'sts:AssumeRole', resource: ROLE_ARN }
const kms = {
  action: 'kms:Decrypt',
  resource: `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
}

const CASES: readonly Case[] = [
  {
    name: 'identity allow alone',
    principal: 'user',
    identity: [['A']],
    expected: ['Allow', 'identity[0]#0'],
  },
  { name: 'no policy at all', principal: 'user', expected: ['ImplicitDeny'] },
  {
    name: 'explicit deny beats an allow in the same policy',
    principal: 'user',
    identity: [['A', 'D']],
    expected: ['ExplicitDeny', 'identity[0]#1'],
  },
  {
    name: 'every matching deny is a reason, resource first',
    principal: 'session',
    identity: [['A'], ['D']],
    session: [['D']],
    resourcePolicy: ['D:direct', 'A:direct'],
    expected: ['ExplicitDeny', 'resource#0', 'identity[1]#0', 'session[0]#0'],
  },
  {
    name: 'a direct resource Allow does not beat a boundary Deny',
    principal: 'user',
    boundaries: [['D']],
    resourcePolicy: ['A:direct'],
    expected: ['ExplicitDeny', 'boundary[0]#0'],
  },
  {
    name: 'boundary without allow',
    principal: 'user',
    identity: [['A']],
    boundaries: [[]],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'identity and boundary allow',
    principal: 'user',
    identity: [['A']],
    boundaries: [['A']],
    expected: ['Allow', 'identity[0]#0', 'boundary[0]#0'],
  },
  {
    name: 'allows in several identity policies are all cited',
    principal: 'user',
    identity: [['A'], [], ['A', 'A']],
    expected: ['Allow', 'identity[0]#0', 'identity[2]#0', 'identity[2]#1'],
  },
  {
    name: 'role session without session policy',
    principal: 'session',
    identity: [['A']],
    expected: ['Allow', 'identity[0]#0'],
  },
  {
    name: 'role session with a session policy that does not allow',
    principal: 'session',
    identity: [['A']],
    session: [[]],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'role session: any session policy may allow',
    principal: 'session',
    identity: [['A']],
    session: [[], ['A']],
    expected: ['Allow', 'identity[0]#0', 'session[1]#0'],
  },
  {
    name: 'federated user without session policy',
    principal: 'federated',
    identity: [['A']],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'federated user with an allowing session policy',
    principal: 'federated',
    identity: [['A']],
    session: [['A']],
    expected: ['Allow', 'identity[0]#0', 'session[0]#0'],
  },
  {
    name: 'federated user: direct resource match needs no session policy',
    principal: 'federated',
    resourcePolicy: ['A:direct'],
    expected: ['Allow', 'resource#0'],
  },
  {
    name: 'federated user: parent-user match is limited by the missing session policy',
    principal: 'federated',
    resourcePolicy: ['A:role'],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'direct resource match ignores implicit denies of identity, boundary and session',
    principal: 'session',
    boundaries: [[]],
    session: [[]],
    resourcePolicy: ['A:direct', 'A:account'],
    expected: ['Allow', 'resource#0'],
  },
  {
    name: 'role-ARN match is limited by the boundary',
    principal: 'session',
    boundaries: [[]],
    resourcePolicy: ['A:role'],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'role-ARN match with an allowing boundary needs no identity allow',
    principal: 'session',
    boundaries: [['A']],
    resourcePolicy: ['A:role'],
    expected: ['Allow', 'resource#0', 'boundary[0]#0'],
  },
  {
    name: 'role-ARN match is limited by the session policy',
    principal: 'session',
    session: [[]],
    resourcePolicy: ['A:role'],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'account match grants nothing alone',
    principal: 'user',
    resourcePolicy: ['A:account'],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'account match plus identity allow',
    principal: 'user',
    identity: [['A']],
    resourcePolicy: ['A:account'],
    expected: ['Allow', 'identity[0]#0'],
  },
  {
    name: 'resource statement without Principal grants nothing',
    principal: 'user',
    resourcePolicy: ['A'],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'cross-account: identity allow without resource policy',
    principal: 'user',
    resourceAccount: B,
    identity: [['A']],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'cross-account: resource allow without identity allow',
    principal: 'user',
    resourceAccount: B,
    resourcePolicy: ['A:direct'],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'cross-account: direct match and identity allow',
    principal: 'user',
    resourceAccount: B,
    identity: [['A']],
    resourcePolicy: ['A:direct'],
    expected: ['Allow', 'resource#0', 'identity[0]#0'],
  },
  {
    name: 'cross-account: account match and identity allow',
    principal: 'session',
    resourceAccount: B,
    identity: [['A']],
    resourcePolicy: ['A:account'],
    expected: ['Allow', 'resource#0', 'identity[0]#0'],
  },
  {
    name: 'cross-account: a direct match does not waive the boundary',
    principal: 'user',
    resourceAccount: B,
    identity: [['A']],
    boundaries: [[]],
    resourcePolicy: ['A:direct'],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'cross-account: a direct match does not waive the session policy',
    principal: 'session',
    resourceAccount: B,
    identity: [['A']],
    session: [[]],
    resourcePolicy: ['A:direct'],
    expected: ['ImplicitDeny'],
  },
  { name: 'root is allowed without policies', principal: 'root', expected: ['Allow'] },
  {
    name: 'root can be denied by a resource policy',
    principal: 'root',
    resourcePolicy: ['D:account'],
    expected: ['ExplicitDeny', 'resource#0'],
  },
  {
    name: 'root cross-account needs the resource policy',
    principal: 'root',
    resourceAccount: B,
    expected: ['ImplicitDeny'],
  },
  {
    name: 'root cross-account with an account match',
    principal: 'root',
    resourceAccount: B,
    resourcePolicy: ['A:account'],
    expected: ['Allow', 'resource#0'],
  },
  {
    name: 'trust: identity allow alone never suffices',
    principal: 'user',
    ...trust,
    identity: [['A']],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'trust: identity allow and a trust policy that does not name the caller',
    principal: 'user',
    ...trust,
    identity: [['A']],
    resourcePolicy: [],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'trust: direct match needs no identity allow',
    principal: 'user',
    ...trust,
    resourcePolicy: ['A:direct'],
    expected: ['Allow', 'resource#0'],
  },
  {
    name: 'trust: account match alone',
    principal: 'session',
    ...trust,
    resourcePolicy: ['A:account'],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'trust: account match and identity allow',
    principal: 'session',
    ...trust,
    identity: [['A']],
    resourcePolicy: ['A:account'],
    expected: ['Allow', 'resource#0', 'identity[0]#0'],
  },
  {
    name: 'trust: account match, identity allow, boundary without allow',
    principal: 'session',
    ...trust,
    identity: [['A']],
    boundaries: [[]],
    resourcePolicy: ['A:account'],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'trust: role-ARN match limited by the session policy',
    principal: 'session',
    ...trust,
    session: [[]],
    resourcePolicy: ['A:role'],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'trust: sts:TagSession is a trust evaluation too',
    principal: 'user',
    action: 'sts:TagSession',
    resource: ROLE_ARN,
    identity: [['A']],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'trust: action names compare case-insensitively',
    principal: 'user',
    action: 'STS:assumerole',
    resource: ROLE_ARN,
    identity: [['A']],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'sts:AssumeRole on a non-role resource is an ordinary evaluation',
    principal: 'user',
    action: 'sts:AssumeRole',
    resource: '*',
    identity: [['A']],
    expected: ['Allow', 'identity[0]#0'],
  },
  {
    name: 'KMS key policy: identity allow alone never suffices',
    principal: 'user',
    ...kms,
    identity: [['A']],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'KMS key policy naming the account, plus identity allow',
    principal: 'user',
    ...kms,
    identity: [['A']],
    resourcePolicy: ['A:account'],
    expected: ['Allow', 'resource#0', 'identity[0]#0'],
  },
  {
    name: 'KMS actions on other resources are ordinary evaluations',
    principal: 'user',
    action: 'kms:ListAliases',
    resource: '*',
    identity: [['A']],
    expected: ['Allow', 'identity[0]#0'],
  },
  {
    name: 'trust cross-account: direct match without identity allow',
    principal: 'user',
    ...trust,
    resourceAccount: B,
    resourcePolicy: ['A:direct'],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'trust cross-account: direct match and identity allow',
    principal: 'user',
    ...trust,
    resourceAccount: B,
    identity: [['A']],
    resourcePolicy: ['A:direct'],
    expected: ['Allow', 'resource#0', 'identity[0]#0'],
  },
  {
    name: 'web identity: the trust policy alone decides',
    principal: 'web',
    action: 'sts:AssumeRoleWithWebIdentity',
    resource: ROLE_ARN,
    resourcePolicy: ['A:direct'],
    expected: ['Allow', 'resource#0'],
  },
  {
    name: 'web identity: an identity allow does not help',
    principal: 'web',
    action: 'sts:AssumeRoleWithWebIdentity',
    resource: ROLE_ARN,
    identity: [['A']],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'web identity: the account of the trust policy does not resolve to the caller',
    principal: 'web',
    action: 'sts:AssumeRoleWithWebIdentity',
    resource: ROLE_ARN,
    resourcePolicy: ['A:account'],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'service principal allowed by the resource policy',
    principal: 'service',
    ...trust,
    resourcePolicy: ['A:direct'],
    expected: ['Allow', 'resource#0'],
  },
  {
    name: 'service principal without resource policy',
    principal: 'service',
    identity: [['A']],
    expected: ['ImplicitDeny'],
  },
  {
    name: 'anonymous allowed by Principal "*"',
    principal: 'anonymous',
    resourcePolicy: ['A:direct'],
    expected: ['Allow', 'resource#0'],
  },
]

function requestOf(c: Case): RequestFacts {
  return {
    principal: PRINCIPALS[c.principal]!,
    action: c.action ?? 's3:GetObject',
    resource: c.resource ?? 'arn:aws:s3:::bucket/key',
    resourceAccount: c.resourceAccount ?? PRINCIPALS[c.principal]!.account,
    context: contextFrom({}),
  }
}

function policiesOf(c: Case): PolicySet {
  return {
    identity: (c.identity ?? []).map(fake),
    boundaries: (c.boundaries ?? []).map(fake),
    session: (c.session ?? []).map(fake),
    resource: c.resourcePolicy ? fake(c.resourcePolicy) : null,
  }
}

describe('policy/decide', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const decision = decide(requestOf(c), policiesOf(c))
      const [effect, ...reasons] = c.expected
      assert.equal(decision.effect, effect)
      assert.deepEqual(
        decision.reasons.map((r) => `${r.policy}#${r.statement}`),
        reasons,
      )
      for (const r of decision.reasons) {
        assert.equal(r.effect, effect === 'ExplicitDeny' ? 'Deny' : 'Allow')
        assert.equal(r.sid, `S${r.statement}`)
      }
    })
  }

  it('never throws, even when a policy throws while matching', () => {
    const broken: EvaluablePolicy = {
      matching: () => {
        throw new Error('boom')
      },
    }
    const request = requestOf({ name: '', principal: 'user', expected: ['Allow'] })
    const decision = decide(request, { identity: [fake(['A']), broken] })
    assert.deepEqual(decision, { effect: 'ImplicitDeny', reasons: [] })
  })

  it('hands the request itself to every policy', () => {
    const seen: RequestFacts[] = []
    const spy: EvaluablePolicy = {
      matching: (r) => {
        seen.push(r)
        return []
      },
    }
    const request = requestOf({ name: '', principal: 'session', expected: ['Allow'] })
    decide(request, { identity: [spy], boundaries: [spy], session: [spy], resource: spy })
    assert.equal(seen.length, 4)
    for (const r of seen) assert.equal(r, request)
  })
})
